// The signing keys in use by this process: the ID-token set and the JWT access-token set, newest first.
// A rotation through the admin API reloads them and rebuilds oidc-provider's keystore in place, so the
// new key signs at once and older keys keep verifying (and stay in the JWKS) until deleted.
import type Provider from 'oidc-provider';
import initializeKeystore from 'oidc-provider/lib/helpers/initialize_keystore.js';
import type { TokenServerDb } from '../../db/token-server-db';
import type { SecretBox } from '../storage/secret-box';
import { ACCESS_TOKEN_SET, BUILT_IN_SETS, ensureKeySet, ID_TOKEN_SET, publicJwk, type PrivateJwk } from './signing-keys';

export class KeyRing {
  private sets = new Map<string, PrivateJwk[]>();
  private provider: Provider | undefined;

  private constructor(
    private readonly db: TokenServerDb,
    private readonly box: SecretBox,
  ) {}

  /** Loads both built-in sets, generating any that is missing or empty. */
  static async load(db: TokenServerDb, box: SecretBox): Promise<KeyRing> {
    const ring = new KeyRing(db, box);
    await ring.read();
    return ring;
  }

  private async read(): Promise<void> {
    for (const set of BUILT_IN_SETS) this.sets.set(set, await ensureKeySet(this.db, this.box, set));
  }

  /** What oidc-provider signs and verifies with: ID-token keys first, so ID tokens pick from their own set. */
  providerKeys(): PrivateJwk[] {
    const usable = (set: string) => (this.sets.get(set) ?? []).filter((k) => k.use === 'sig');
    return [...usable(ID_TOKEN_SET), ...usable(ACCESS_TOKEN_SET)];
  }

  /** The key that signs JWT access tokens: the newest signing key of hydra.jwt.access-token. */
  accessTokenSigningKey(): PrivateJwk {
    const key = (this.sets.get(ACCESS_TOKEN_SET) ?? []).find((k) => k.use === 'sig');
    if (!key) throw new Error('the hydra.jwt.access-token key set has no signing key');
    return key;
  }

  /** Public keys of the access-token set, for verifying our own JWT access tokens. */
  accessTokenVerificationKeys(): PrivateJwk[] {
    return (this.sets.get(ACCESS_TOKEN_SET) ?? []).map(publicJwk);
  }

  attach(provider: Provider): void {
    this.provider = provider;
  }

  /**
   * Another instance on the same database may rotate keys: every `intervalMs` the kids in the table are
   * compared with the loaded ones and the ring reloads on a difference. Returns a stop function.
   */
  watch(intervalMs = 30_000, onError: (err: unknown) => void = () => {}): () => void {
    const timer = setInterval(() => {
      this.changedInDb()
        .then((changed) => (changed ? this.reload() : undefined))
        .catch(onError);
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async changedInDb(): Promise<boolean> {
    const rows = await this.db.signingKey.findMany({ where: { set: { in: [...BUILT_IN_SETS] } }, select: { set: true, kid: true } });
    const stored = rows.map((r) => `${r.set}/${r.kid}`).sort().join(',');
    const loaded = [...this.sets].flatMap(([set, keys]) => keys.map((k) => `${set}/${k.kid}`)).sort().join(',');
    return stored !== loaded;
  }

  /** Re-reads the keys after a change and swaps them into the provider. */
  async reload(): Promise<void> {
    await this.read();
    if (this.provider) initializeKeystore.call(this.provider, { keys: this.providerKeys() });
  }
}
