// The ID token claims a person's granted scopes release (OIDC Core 5.4). Only standard scopes release
// claims; a claim with no value is left out rather than sent empty.
export type UserClaimsSource = {
  email: string;
  emailVerified: boolean;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  locale: string | null;
  picture: string | null;
  phoneNumber: string | null;
  /** OIDC address claim as JSON text, as stored in the User table. */
  address: string | null;
  updatedAt: Date;
};

export type IdTokenClaims = Record<string, string | number | boolean | Record<string, string>>;

function parseAddress(text: string | null): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

const CLAIMS_BY_SCOPE: Record<string, (u: UserClaimsSource) => Record<string, unknown>> = {
  profile: (u) => ({
    name: u.name,
    given_name: u.givenName,
    family_name: u.familyName,
    locale: u.locale,
    picture: u.picture,
    updated_at: Math.floor(u.updatedAt.getTime() / 1000),
  }),
  email: (u) => ({ email: u.email, email_verified: u.emailVerified }),
  phone: (u) => ({ phone_number: u.phoneNumber }),
  address: (u) => ({ address: parseAddress(u.address) }),
};

export function claimsForScopes(user: UserClaimsSource, grantedScopes: readonly string[]): IdTokenClaims {
  const claims: IdTokenClaims = {};
  for (const scope of new Set(grantedScopes)) {
    const pick = CLAIMS_BY_SCOPE[scope];
    if (!pick) continue;
    for (const [key, value] of Object.entries(pick(user))) {
      if (value !== null && value !== undefined && value !== '') claims[key] = value as IdTokenClaims[string];
    }
  }
  return claims;
}
