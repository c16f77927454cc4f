// Small records of the challenge model that oidc-provider has no model for, kept in the same encrypted
// OidcRecord table: handled challenges (so a reused challenge answers 410) and logout requests.
import type { AdapterPayload } from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { createOidcAdapterFactory } from '../storage/oidc-adapter';
import type { SecretBox } from '../storage/secret-box';

export type HandledChallenge = { redirect_to: string };

export type LogoutRequestRecord = {
  subject: string;
  sid: string;
  sessionUid: string;
  request_url: string;
  rp_initiated: boolean;
  client_id: string | null;
  post_logout_redirect_uri: string | null;
  state: string | null;
  requested_at: number;
  expires_at: number;
  accepted?: boolean;
};

export function createFlowRecords(db: TokenServerDb, box: SecretBox) {
  const Adapter = createOidcAdapterFactory(db, box);
  const handled = new Adapter('HandledChallenge');
  const logout = new Adapter('LogoutRequest');
  return {
    async markHandled(challenge: string, record: HandledChallenge, ttl: number) {
      await handled.upsert(challenge, record as unknown as AdapterPayload, Math.max(ttl, 1));
    },
    async findHandled(challenge: string): Promise<HandledChallenge | undefined> {
      return (await handled.find(challenge)) as unknown as HandledChallenge | undefined;
    },
    async saveLogout(challenge: string, record: LogoutRequestRecord, ttl: number) {
      await logout.upsert(challenge, { ...record, accountId: record.subject } as unknown as AdapterPayload, Math.max(ttl, 1));
    },
    async findLogout(challenge: string): Promise<LogoutRequestRecord | undefined> {
      return (await logout.find(challenge)) as unknown as LogoutRequestRecord | undefined;
    },
    async deleteLogout(challenge: string) {
      await logout.destroy(challenge);
    },
  };
}

export type FlowRecords = ReturnType<typeof createFlowRecords>;
