// What an accepted consent gives the client: the granted scopes, the requested audience, and the
// person's claims for those scopes only, read fresh from the user table (OIDC Core 5.4).
import type { ConsentAcceptance } from '../hydra/consent';
import { claimsForScopes, type UserClaimsSource } from './claims';

export function consentAcceptance(
  user: UserClaimsSource,
  grantScope: string[],
  grantAudience: string[],
  remember: { remember: boolean; rememberFor: number },
): ConsentAcceptance {
  return { grantScope, grantAudience, ...remember, idToken: claimsForScopes(user, grantScope) };
}
