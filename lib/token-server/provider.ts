// The oidc-provider instance, configured to look like Hydra v2 from the outside: Hydra's routes,
// Hydra's challenge URLs for login and consent, Hydra's lifetimes, clients from our own table.
import Provider, { type Configuration } from 'oidc-provider';
import type { TokenServerConfig } from '../config';
import type { TokenServerDb } from '../db/token-server-db';
import { findStoredClient } from './clients/client-store';
import { toOidcMetadata } from './clients/oidc-metadata';
import { verifyClientSecret } from './clients/secret-hash';
import type { KeyRing } from './keys/key-ring';
import { hydraFlowConfiguration, hydraFlowTtl, hydraLogoutFeature, installHydraFlows } from './flows/hydra-flows';
import { liveScopeSet } from './flows/live-scopes';
import { createOidcAdapterFactory } from './storage/oidc-adapter';
import type { SecretBox } from './storage/secret-box';
import { registerClientCredentialsGrant } from './tokens/client-credentials';
import { clientFetch } from './tokens/outbound-fetch';
import { hydraJwtClaims, installJwtRecords, installTokenFormats } from './tokens/token-format';

export const HYDRA_ROUTES = {
  authorization: '/oauth2/auth',
  token: '/oauth2/token',
  revocation: '/oauth2/revoke',
  userinfo: '/userinfo',
  end_session: '/oauth2/sessions/logout',
  jwks: '/.well-known/jwks.json',
  introspection: '/oauth2/introspect',
  device_authorization: '/oauth2/device/auth',
  code_verification: '/oauth2/device/verify',
  registration: '/oauth2/register',
  pushed_authorization_request: '/oauth2/par',
  backchannel_authentication: '/oauth2/backchannel',
  challenge: '/oauth2/challenge',
} as const;

type Deps = { config: TokenServerConfig; db: TokenServerDb; box: SecretBox; keys: KeyRing };

export function createProvider({ config, db, box, keys }: Deps): Provider {
  const Adapter = createOidcAdapterFactory(db, box);
  // Hydra clients may use any scope string; oidc-provider only knows the scopes in its (copied) scope
  // set, so each client's scopes are added to the provider's live set when the client is loaded.
  const scopes = new Set(['openid', 'offline_access', 'offline']);
  let liveScopes: Set<string> = scopes;

  const configuration: Configuration = {
    adapter: (name: string) => {
      if (name === 'Client') return clientAdapter(db, () => liveScopes);
      return new Adapter(name);
    },
    routes: HYDRA_ROUTES,
    jwks: { keys: keys.providerKeys() as unknown as NonNullable<Configuration['jwks']>['keys'] },
    // Hydra's per-client access token strategy, read by tokens/token-format.ts.
    extraClientMetadata: { properties: ['access_token_strategy'] },
    formats: { customizers: { jwt: hydraJwtClaims } },
    fetch: clientFetch(config.CLIENTS_HTTP_DISALLOW_PRIVATE_IP_RANGES) as Configuration['fetch'],
    cookies: {
      keys: config.SECRETS_SYSTEM,
      names: { session: 'ory_hydra_session', interaction: 'ory_hydra_interaction', resume: 'ory_hydra_resume' },
    },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes,
    claims: { openid: ['sub'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: false },
      rpInitiatedLogout: hydraLogoutFeature({ config, db, box }),
      // Clients' backchannel_logout_uri receive a logout_token when a login session ends (flows/logout.ts).
      backchannelLogout: { enabled: true },
    },
    ttl: {
      AccessToken: config.TTL_ACCESS_TOKEN,
      ClientCredentials: config.TTL_ACCESS_TOKEN,
      AuthorizationCode: config.TTL_AUTH_CODE,
      IdToken: config.TTL_ID_TOKEN,
      RefreshToken: config.TTL_REFRESH_TOKEN,
      Grant: config.TTL_REFRESH_TOKEN,
      // Interaction and Session lifetimes follow Hydra's challenge and remember rules.
      ...hydraFlowTtl(config),
    },
    // Login, consent and logout through Hydra's challenges (flows/hydra-flows.ts).
    ...hydraFlowConfiguration({ config, db, box }),
  };

  const provider = new Provider(config.URLS_SELF_ISSUER.replace(/\/$/, ''), configuration);
  liveScopes = liveScopeSet(provider);
  provider.proxy = true;

  // Secrets are stored hashed, so the comparison oidc-provider would make on plaintext checks the hash instead.
  provider.Client.prototype.compareClientSecret = async function compareHashed(this: { clientId: string }, actual: string) {
    const stored = await findStoredClient(db, this.clientId);
    return Boolean(stored?.client_secret_hash && (await verifyClientSecret(this.clientId, actual, stored.client_secret_hash)));
  };
  installTokenFormats(provider, config.STRATEGIES_ACCESS_TOKEN, keys);
  installJwtRecords(provider);
  registerClientCredentialsGrant(provider, db);
  keys.attach(provider);
  installHydraFlows(provider, { config, db, box });
  return provider;
}

/** Clients are read from the OAuth2Client table; the admin API is the only writer. */
function clientAdapter(db: TokenServerDb, scopes: () => Set<string>) {
  return {
    async find(id: string) {
      const stored = await findStoredClient(db, id);
      for (const scope of stored?.scope.split(' ') ?? []) if (scope) scopes().add(scope);
      return stored ? toOidcMetadata(stored) : undefined;
    },
    async upsert() {
      throw new Error('clients are managed through the admin API');
    },
    async findByUid() {
      return undefined;
    },
    async findByUserCode() {
      return undefined;
    },
    async consume() {},
    async destroy() {},
    async revokeByGrantId() {},
  };
}
