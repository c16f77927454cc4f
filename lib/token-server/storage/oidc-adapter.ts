// oidc-provider's storage adapter over the OidcRecord table. Identifiers (token values, codes, session
// ids, uids) are stored only as keyed hashes and payloads are encrypted, so a dump yields nothing usable.
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { DEFAULT_CACHED_ROWS, isCachedKind } from './record-cache';
import { recordStoreOf, type RecordRow } from './record-store';
import type { SecretBox } from './secret-box';
import { epoch } from '../epoch';

/** Fields of a payload that repeat its own identifier; dropped before storing and restored on read. */
const SELF_REFERENCES = ['jti'] as const;

/** Records with no expiry of their own are kept ten years (the janitor removes them with their grant). */
const NO_EXPIRY_SECONDS = 10 * 365 * 24 * 3600;

/**
 * Decrypted payloads of rows still referenced: a row the record cache keeps (record-cache.ts) is
 * decrypted once, not on every read. Each read still parses its own copy, so no caller can change
 * what the next one sees.
 */
const decrypted = new WeakMap<RecordRow, string>();

/** The payload of a stored row: decrypted, with its consumption time from the row. */
function openRow(box: SecretBox, row: RecordRow | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  let text = decrypted.get(row);
  if (text === undefined) {
    text = box.decrypt(row.payload);
    if (isCachedKind(row.kind)) decrypted.set(row, text);
  }
  const payload = JSON.parse(text) as AdapterPayload;
  if (row.consumedAt !== null) payload.consumed = row.consumedAt;
  return payload;
}

/** Every oidc-provider model's id is its jti (tokens, Session, Interaction, Grant): restores what upsert dropped. */
function restoreSelfReferences(payload: AdapterPayload | undefined, id: string): AdapterPayload | undefined {
  if (payload) for (const field of SELF_REFERENCES) if (payload[field] === undefined) payload[field] = id;
  return payload;
}

/** The lookup keys of a model's record: the identifier under its kind, hashed under every secret. */
function recordKeys(box: SecretBox, kind: string, id: string): string[] {
  return box.hashes(`${kind}:${id}`);
}

/**
 * Reads for introspection, which knows only a token's value and not which model holds it: one lookup
 * across several kinds, and whether a record exists, answered from its row alone. Same keys, same
 * expiry rule and same payloads as the adapter oidc-provider uses, so both read the same records.
 */
export function createRecordReader(db: TokenServerDb, box: SecretBox) {
  const store = recordStoreOf(db);
  // The same token is introspected again and again: the lookup keys of identifiers that were found
  // (one keyed hash per kind and secret) are remembered, as many as the cached rows, oldest out
  // first. Unknown identifiers are never remembered, so garbage cannot fill this.
  const keyMemo = new Map<string, { kinds: readonly string[]; keys: string[] }>();
  return {
    /** `kinds` is compared by identity for the memo: pass a constant array. */
    async findOfKinds(kinds: readonly string[], id: string): Promise<{ kind: string; payload: AdapterPayload } | undefined> {
      const memo = keyMemo.get(id);
      const keys = memo?.kinds === kinds ? memo.keys : kinds.flatMap((kind) => recordKeys(box, kind, id));
      const row = await store.findByKeys(keys, epoch());
      if (!row || !kinds.includes(row.kind)) return undefined;
      if (memo?.keys !== keys) {
        if (keyMemo.size >= DEFAULT_CACHED_ROWS) keyMemo.delete(keyMemo.keys().next().value!);
        keyMemo.set(id, { kinds, keys });
      }
      return { kind: row.kind, payload: restoreSelfReferences(openRow(box, row), id)! };
    },
    /** An unexpired record of this kind and id exists; its row's expiry is the model's exp. */
    async exists(kind: string, id: string): Promise<boolean> {
      return (await store.findByKeys(recordKeys(box, kind, id), epoch())) !== undefined;
    },
  };
}

export type RecordReader = ReturnType<typeof createRecordReader>;

export function createOidcAdapterFactory(db: TokenServerDb, box: SecretBox) {
  const store = recordStoreOf(db);
  const open = (row: RecordRow | undefined) => openRow(box, row);

  return class OidcRecordAdapter implements Adapter {
    constructor(readonly kind: string) {}

    private keys(id: string): string[] {
      return recordKeys(box, this.kind, id);
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
      return restoreSelfReferences(open(await store.findByKeys(this.keys(id), epoch())), id);
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
