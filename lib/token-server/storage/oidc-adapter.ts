// oidc-provider's storage adapter over the OidcRecord table. Identifiers (token values, codes, session
// ids, uids) are stored only as keyed hashes and payloads are encrypted, so a dump yields nothing usable.
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import type { SecretBox } from './secret-box';

const epoch = () => Math.floor(Date.now() / 1000);

/** Fields of a payload that repeat its own identifier; dropped before storing and restored on read. */
const SELF_REFERENCES = ['jti'] as const;

export function createOidcAdapterFactory(db: TokenServerDb, box: SecretBox) {
  return class OidcRecordAdapter implements Adapter {
    constructor(readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const stored: AdapterPayload = { ...payload };
      for (const field of SELF_REFERENCES) if (stored[field] === id) delete stored[field];
      const row = {
        kind: this.kind,
        payload: box.encrypt(JSON.stringify(stored)),
        grantKey: payload.grantId ? box.hash(payload.grantId) : null,
        uidKey: payload.uid ? box.hash(payload.uid) : payload.userCode ? box.hash(`user_code:${payload.userCode}`) : null,
        subject: payload.accountId ?? null,
        clientId: payload.clientId ?? null,
        expiresAt: BigInt(epoch() + (expiresIn > 0 ? expiresIn : 10 * 365 * 24 * 3600)),
        consumedAt: payload.consumed ? BigInt(payload.consumed as number) : null,
      };
      const key = box.hash(`${this.kind}:${id}`);
      await db.oidcRecord.upsert({ where: { key }, create: { key, ...row }, update: row });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const keys = box.hashes(`${this.kind}:${id}`);
      const row = await db.oidcRecord.findFirst({ where: { key: { in: keys } } });
      if (!row || Number(row.expiresAt) <= epoch()) return undefined;
      const payload = JSON.parse(box.decrypt(row.payload)) as AdapterPayload;
      for (const field of SELF_REFERENCES) if (payload[field] === undefined && this.hasSelfReference()) payload[field] = id;
      if (row.consumedAt !== null) payload.consumed = Number(row.consumedAt);
      return payload;
    }

    private hasSelfReference(): boolean {
      return TOKEN_KINDS.has(this.kind);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.findByIndex({ uidKey: { in: box.hashes(uid) } });
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.findByIndex({ uidKey: { in: box.hashes(`user_code:${userCode}`) } });
    }

    /** Index lookups return the payload; the id itself is inside it for these kinds (Session, DeviceCode). */
    private async findByIndex(where: { uidKey: { in: string[] } }): Promise<AdapterPayload | undefined> {
      const row = await db.oidcRecord.findFirst({ where: { kind: this.kind, ...where } });
      if (!row || Number(row.expiresAt) <= epoch()) return undefined;
      const payload = JSON.parse(box.decrypt(row.payload)) as AdapterPayload;
      if (row.consumedAt !== null) payload.consumed = Number(row.consumedAt);
      return payload;
    }

    async consume(id: string): Promise<void> {
      await db.oidcRecord.updateMany({ where: { key: { in: box.hashes(`${this.kind}:${id}`) } }, data: { consumedAt: BigInt(epoch()) } });
    }

    async destroy(id: string): Promise<void> {
      await db.oidcRecord.deleteMany({ where: { key: { in: box.hashes(`${this.kind}:${id}`) } } });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.oidcRecord.deleteMany({ where: { grantKey: { in: box.hashes(grantId) } } });
    }
  };
}

/** Token kinds whose `jti` is the token value itself. */
const TOKEN_KINDS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'ClientCredentials', 'BackchannelAuthenticationRequest', 'PushedAuthorizationRequest', 'RegistrationAccessToken', 'InitialAccessToken', 'ReplayDetection']);
