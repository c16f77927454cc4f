// The signed-in person's consents and login sessions, through Hydra's admin API.
import { hydraAdmin } from './admin-client';
import { adminCall } from './admin-errors';
import { toClientInfo, type ClientInfo } from './types';

export type ConnectedApp = { client: ClientInfo; grantedScope: string[]; grantedAt?: Date };

/** One entry per client: Hydra may hold several consents for the same client; the newest counts. */
export async function listConnectedApps(subject: string): Promise<ConnectedApp[]> {
  const { data } = await adminCall(() => hydraAdmin().listOAuth2ConsentSessions({ subject, pageSize: 500 }));
  const byClient = new Map<string, ConnectedApp>();
  for (const s of data) {
    const client = toClientInfo(s.consent_request?.client);
    if (!client.id) continue;
    const app = { client, grantedScope: s.grant_scope ?? [], grantedAt: s.handled_at ? new Date(s.handled_at) : undefined };
    const known = byClient.get(client.id);
    if (!known || (app.grantedAt && known.grantedAt && app.grantedAt > known.grantedAt)) byClient.set(client.id, app);
  }
  return [...byClient.values()].sort((a, b) => a.client.name.localeCompare(b.client.name));
}

/** Hydra revokes the consent and the tokens issued under it. */
export async function revokeConnectedApp(subject: string, clientId: string): Promise<void> {
  await adminCall(() => hydraAdmin().revokeOAuth2ConsentSessions({ subject, client: clientId }));
}

export async function revokeAllConsents(subject: string): Promise<void> {
  await adminCall(() => hydraAdmin().revokeOAuth2ConsentSessions({ subject, all: true }));
}

/** Ends every remembered login session of the subject, in every browser. */
export async function revokeLoginSessions(subject: string): Promise<void> {
  await adminCall(() => hydraAdmin().revokeOAuth2LoginSessions({ subject }));
}
