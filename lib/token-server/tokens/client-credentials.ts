// The client_credentials grant as Hydra has it: `scope` must be allowed by the client's scope,
// Hydra's `audience` parameter by the client's audience list; the token carries both.
// Client authentication (basic, post, private_key_jwt with single-use jti) has already been done by
// oidc-provider when this runs.
import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import type Provider from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { findStoredClient } from '../clients/client-store';
import { audienceAllowed, scopeAllowed, splitSpaces } from './scope-audience';

export function registerClientCredentialsGrant(provider: Provider, db: TokenServerDb): void {
  provider.registerGrantType('client_credentials', async (ctx: KoaContextWithOIDC) => {
    const client = ctx.oidc.client!;
    const stored = await findStoredClient(db, client.clientId);
    if (!stored) throw new errors.InvalidClient('client not found');

    const scopes = splitSpaces(ctx.oidc.params!.scope);
    const allowedScopes = splitSpaces(stored.scope);
    for (const scope of scopes) {
      if (!scopeAllowed(allowedScopes, scope)) {
        throw new errors.InvalidScope(`The OAuth 2.0 Client is not allowed to request scope '${scope}'.`, scope);
      }
    }
    const audience = splitSpaces(ctx.oidc.params!.audience);
    for (const aud of audience) {
      if (!audienceAllowed(stored.audience, aud)) {
        throw new errors.InvalidRequest(`Requested audience '${aud}' has not been whitelisted by the OAuth 2.0 Client.`);
      }
    }

    const token = new provider.ClientCredentials({ client, scope: scopes.join(' ') || undefined });
    (token as unknown as { aud: string[] }).aud = audience;
    ctx.oidc.entity('ClientCredentials', token);
    const value = await token.save();
    ctx.body = {
      access_token: value,
      expires_in: token.expiration,
      ...(token.scope ? { scope: token.scope } : {}),
      token_type: 'bearer',
    };
  }, ['scope', 'audience']);
}
