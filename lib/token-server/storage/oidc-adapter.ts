// oidc-provider's storage adapter over the OidcRecord table. Identifiers (token values, codes, session
// ids, uids) are stored only as keyed hashes and payloads are encrypted, so a dump yields nothing usable.
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { recordStoreOf, type RecordRow } from './record-store';
import type { SecretBox } from './secret-box';

const epoch = () => Math.floor(Date.now() / 1000);

/** Fields of a payload that repeat its own identifier; dropped before storing and restored on read. */
const SELF_REFERENCES = ['jti'] as const;

/** Records with no expiry of their own are kept ten years (the janitor removes them with their grant). */
const NO_EXPIRY_SECONDS = 10 * 365 * 24 * 3600;

export function createOidcAdapterFactory(db: TokenServerDb, box: SecretBox) {
  const store = recordStoreOf(db);
  const open = (row: RecordRow | undefined): AdapterPayload | undefined => {
    if (!row) return undefined;
    const payload = JSON.parse(box.decrypt(row.payload)) as AdapterPayload;
    if (row.consumedAt !== null) payload.consumed = row.consumedAt;
    return payload;
  };

  return class OidcRecordAdapter implements Adapter {
    constructor(readonly kind: string) {}

    private keys(id: string): string[] {
      return box.hashes(`${this.kind}:${id}`);
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const stored: AdapterPayload = { ...payload };
      for (const field of SELF_REFERENCES) if (stored[field] === id) delete stored[field];
      await store.write({
        op: 'upsert',
        row: {
          key: box.hash(`${this.kind}:${id}`),
          kind: this.kind,
          payload: box.encrypt(JSON.stringify(stored)),
          grantKey: payload.grantId ? box.hash(payload.grantId) : null,
          uidKey: payload.uid ? box.hash(payload.uid) : payload.userCode ? box.hash(`user_code:${payload.userCode}`) : null,
          subject: payload.accountId ?? null,
          clientId: payload.clientId ?? null,
          expiresAt: epoch() + (expiresIn > 0 ? expiresIn : NO_EXPIRY_SECONDS),
          consumedAt: typeof payload.consumed === 'number' ? payload.consumed : null,
        },
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const payload = open(await store.findByKeys(this.keys(id), epoch()));
      // Every oidc-provider model's id is its jti (tokens, Session, Interaction, Grant): restore what upsert dropped.
      if (payload) for (const field of SELF_REFERENCES) if (payload[field] === undefined) payload[field] = id;
      return payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return open(await store.findByUidKeys(this.kind, box.hashes(uid), epoch()));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return open(await store.findByUidKeys(this.kind, box.hashes(`user_code:${userCode}`), epoch()));
    }

    async consume(id: string): Promise<void> {
      await store.write({ op: 'consume', keys: this.keys(id), at: epoch() });
    }

    async destroy(id: string): Promise<void> {
      await store.write({ op: 'destroy', keys: this.keys(id) });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await store.write({ op: 'revokeGrant', grantKeys: box.hashes(grantId) });
    }
  };
}
