// Hydra's OAuth2 client document: field names, defaults and validation (client/validator.go upstream).
import { z } from 'zod';

const uri = z.string().refine((v) => URL.canParse(v), 'must be an absolute URI');
const stringList = z.array(z.string());

const clientFields = z
  .object({
    client_id: z.string().min(1).max(255).regex(/^[^\s/?#]+$/, 'must not contain whitespace, /, ? or #').optional(),
    client_name: z.string().default(''),
    client_secret: z.string().optional(),
    redirect_uris: z.array(uri).default([]),
    grant_types: stringList.default(['authorization_code']),
    response_types: stringList.default(['code']),
    scope: z.string().default('offline_access offline openid'),
    audience: stringList.default([]),
    owner: z.string().default(''),
    policy_uri: z.string().default(''),
    tos_uri: z.string().default(''),
    client_uri: z.string().default(''),
    logo_uri: z.string().default(''),
    contacts: stringList.default([]),
    allowed_cors_origins: stringList.default([]),
    subject_type: z.enum(['public', 'pairwise']).default('public'),
    sector_identifier_uri: z.string().default(''),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional(),
    jwks_uri: z.string().default(''),
    token_endpoint_auth_method: z
      .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'])
      .default('client_secret_basic'),
    token_endpoint_auth_signing_alg: z.string().default(''),
    request_uris: stringList.default([]),
    request_object_signing_alg: z.string().default(''),
    userinfo_signed_response_alg: z.string().default('none'),
    frontchannel_logout_uri: z.string().default(''),
    frontchannel_logout_session_required: z.boolean().default(false),
    backchannel_logout_uri: z.string().default(''),
    backchannel_logout_session_required: z.boolean().default(false),
    post_logout_redirect_uris: z.array(uri).default([]),
    metadata: z.record(z.string(), z.unknown()).default({}),
    access_token_strategy: z.enum(['opaque', 'jwt', '']).default(''),
    skip_consent: z.boolean().default(false),
    skip_logout_consent: z.boolean().default(false),
  });

/** Unknown fields are kept, as Hydra keeps them in the stored document. */
export const clientInputSchema = clientFields.passthrough();

export type ClientInput = z.infer<typeof clientFields>;

/** What the admin API returns: the input fields plus timestamps, never the secret (except once on create). */
export type HydraClient = Omit<ClientInput, 'client_secret'> & {
  client_id: string;
  client_secret?: string;
  created_at: string;
  updated_at: string;
};

/** What is stored: the document with the secret replaced by its hash. */
export type StoredClient = Omit<HydraClient, 'client_secret'> & { client_secret_hash?: string };

/** Hydra's cross-field rules, checked after parsing; returns the first problem. */
export function validateClient(c: ClientInput): string | undefined {
  if (c.client_secret !== undefined && c.client_secret.length > 0 && c.client_secret.length < 6) {
    return 'Field client_secret must contain a secret that is at least 6 characters long.';
  }
  if (c.jwks && c.jwks_uri) return 'Fields jwks and jwks_uri can not both be set, you must choose one.';
  if (c.token_endpoint_auth_method === 'private_key_jwt' && !c.jwks && !c.jwks_uri) {
    return 'When token_endpoint_auth_method is "private_key_jwt", either jwks or jwks_uri must be set.';
  }
  for (const g of c.grant_types) {
    if (!['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'urn:ietf:params:oauth:grant-type:device_code', 'implicit'].includes(g)) {
      return `Field grant_types contains unknown grant type "${g}".`;
    }
  }
  for (const p of c.post_logout_redirect_uris) {
    const u = new URL(p);
    const ok = c.redirect_uris.some((r) => {
      const ru = new URL(r);
      return ru.protocol === u.protocol && ru.host === u.host;
    });
    if (!ok) return `post_logout_redirect_uri "${p}" must match the domain, port, scheme of at least one of the registered redirect URIs but did not`;
  }
  return undefined;
}
