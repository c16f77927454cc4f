// The oidc-provider instance, configured to look like Hydra v2 from the outside: Hydra's routes,
// Hydra's challenge URLs for login and consent, Hydra's lifetimes, clients from our own table.
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { TokenServerConfig } from '../config';
import type { TokenServerDb } from '../db/token-server-db';
import { findStoredClient } from './clients/client-store';
import { toOidcMetadata } from './clients/oidc-metadata';
import { verifyClientSecret } from './clients/secret-hash';
import type { KeyRing } from './keys/key-ring';
import { createOidcAdapterFactory } from './storage/oidc-adapter';
import type { SecretBox } from './storage/secret-box';
import { registerClientCredentialsGrant } from './tokens/client-credentials';
import { hydraJwtClaims, installTokenFormats } from './tokens/token-format';

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

/** Where the browser goes for an interaction: Hydra's login or consent URL carrying the challenge. */
export function interactionUrl(config: TokenServerConfig, prompt: string, uid: string): string {
  const [base, param] = prompt === 'login' ? [config.URLS_LOGIN, 'login_challenge'] : [config.URLS_CONSENT, 'consent_challenge'];
  const url = new URL(base);
  url.searchParams.set(param, uid);
  return url.toString();
}

type Deps = { config: TokenServerConfig; db: TokenServerDb; box: SecretBox; keys: KeyRing };

export function createProvider({ config, db, box, keys }: Deps): Provider {
  const Adapter = createOidcAdapterFactory(db, box);

  const configuration: Configuration = {
    adapter: (name: string) => {
      if (name === 'Client') return clientAdapter(db);
      return new Adapter(name);
    },
    routes: HYDRA_ROUTES,
    jwks: { keys: keys.providerKeys() as unknown as NonNullable<Configuration['jwks']>['keys'] },
    // Hydra's per-client access token strategy, read by tokens/token-format.ts.
    extraClientMetadata: { properties: ['access_token_strategy'] },
    formats: { customizers: { jwt: hydraJwtClaims } },
    cookies: {
      keys: config.SECRETS_SYSTEM,
      names: { session: 'ory_hydra_session', interaction: 'ory_hydra_interaction', resume: 'ory_hydra_resume' },
    },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'offline'],
    claims: { openid: ['sub'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: false },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction) => interactionUrl(config, interaction.prompt.name, interaction.uid),
    },
    ttl: {
      AccessToken: config.TTL_ACCESS_TOKEN,
      ClientCredentials: config.TTL_ACCESS_TOKEN,
      AuthorizationCode: config.TTL_AUTH_CODE,
      IdToken: config.TTL_ID_TOKEN,
      RefreshToken: config.TTL_REFRESH_TOKEN,
      Interaction: config.TTL_LOGIN_CONSENT_REQUEST,
      Session: config.TTL_AUTHENTICATION_SESSION,
      Grant: config.TTL_REFRESH_TOKEN,
    },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  };

  const provider = new Provider(config.URLS_SELF_ISSUER.replace(/\/$/, ''), configuration);
  provider.proxy = true;

  // Secrets are stored hashed, so the comparison oidc-provider would make on plaintext checks the hash instead.
  provider.Client.prototype.compareClientSecret = async function compareHashed(this: { clientId: string }, actual: string) {
    const stored = await findStoredClient(db, this.clientId);
    return Boolean(stored?.client_secret_hash && (await verifyClientSecret(this.clientId, actual, stored.client_secret_hash)));
  };
  installTokenFormats(provider, config.STRATEGIES_ACCESS_TOKEN, keys);
  registerClientCredentialsGrant(provider, db);
  keys.attach(provider);
  return provider;
}

/** Clients are read from the OAuth2Client table; the admin API is the only writer. */
function clientAdapter(db: TokenServerDb) {
  return {
    async find(id: string) {
      const stored = await findStoredClient(db, id);
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
