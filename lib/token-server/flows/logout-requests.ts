// Hydra's logout requests on the admin API: GET shows the request, accept hands back the public
// URL that finishes the logout, reject drops the request (Hydra does nothing further).
import type { TokenServerContext } from '../context';
import { notFound } from '../http/errors';
import { clientView, issuerOrigin } from './challenges';
import type { FlowRecords } from './flow-records';
import { newLogoutId, verifierKey } from './logout';

const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

async function load(records: FlowRecords, challenge: string) {
  const record = await records.findLogout(challenge);
  if (!record || record.accepted) throw notFound();
  return record;
}

export async function getLogoutRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string) {
  const r = await load(records, challenge);
  return {
    challenge,
    subject: r.subject,
    sid: r.sid,
    request_url: r.request_url,
    rp_initiated: r.rp_initiated,
    requested_at: iso(r.requested_at),
    expires_at: iso(r.expires_at),
    client: r.client_id ? await clientView(ctx.db, r.client_id) : null,
  };
}

export async function acceptLogoutRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string) {
  const record = await load(records, challenge);
  const ttl = Math.max(record.expires_at - Math.floor(Date.now() / 1000), 1);
  const verifier = newLogoutId();
  await records.saveLogout(verifierKey(verifier), record, ttl);
  await records.deleteLogout(challenge);
  return { redirect_to: `${issuerOrigin(ctx.config)}/oauth2/sessions/logout?logout_verifier=${encodeURIComponent(verifier)}` };
}

export async function rejectLogoutRequest(records: FlowRecords, challenge: string) {
  await load(records, challenge);
  await records.deleteLogout(challenge);
}
