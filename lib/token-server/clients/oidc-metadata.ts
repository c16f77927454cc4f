// Turns a stored Hydra client into the metadata oidc-provider validates and uses.
// The secret stays hashed: oidc-provider gets a placeholder and compareClientSecret checks the hash.
import type { ClientMetadata } from 'oidc-provider';
import type { StoredClient } from './client-schema';

export const HASHED_SECRET_PLACEHOLDER = 'gatehouse-hashed-client-secret';

export function toOidcMetadata(c: StoredClient): ClientMetadata {
  return {
    client_id: c.client_id,
    client_name: c.client_name || undefined,
    ...(c.client_secret_hash ? { client_secret: HASHED_SECRET_PLACEHOLDER } : {}),
    redirect_uris: c.redirect_uris,
    post_logout_redirect_uris: c.post_logout_redirect_uris,
    grant_types: c.grant_types.filter((g) => g !== 'implicit'),
    // Hydra keeps the default response_types [code] on client_credentials-only clients; oidc-provider
    // would then demand redirect_uris, so response types count only with the authorization_code grant.
    response_types: c.grant_types.includes('authorization_code') ? c.response_types.filter((r) => r === 'code') : [],
    // provider.ts adds every scope of a loaded client to oidc-provider's scope set before this is validated.
    scope: c.scope,
    token_endpoint_auth_method: c.token_endpoint_auth_method,
    ...(c.access_token_strategy ? { access_token_strategy: c.access_token_strategy } : {}),
    ...(c.jwks ? { jwks: c.jwks as ClientMetadata['jwks'] } : {}),
    ...(c.jwks_uri ? { jwks_uri: c.jwks_uri } : {}),
    ...(c.token_endpoint_auth_signing_alg ? { token_endpoint_auth_signing_alg: c.token_endpoint_auth_signing_alg as ClientMetadata['token_endpoint_auth_signing_alg'] } : {}),
    ...(c.backchannel_logout_uri ? { backchannel_logout_uri: c.backchannel_logout_uri, backchannel_logout_session_required: c.backchannel_logout_session_required } : {}),
    ...(c.userinfo_signed_response_alg && c.userinfo_signed_response_alg !== 'none' ? { userinfo_signed_response_alg: c.userinfo_signed_response_alg as ClientMetadata['userinfo_signed_response_alg'] } : {}),
  };
}
