// Hydra's consent-session and login-session administration: list a subject's consents, revoke
// consents (and their tokens), end login sessions.
import type { TokenServerContext } from '../context';
import { badRequest } from '../http/errors';
import { listConsents, revokeConsents, type AcceptedConsent } from './consent-sessions';
import { endLoginSession } from './logout';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

function consentSessionView(c: AcceptedConsent) {
  const { skip: _skip, ...request } = c.request;
  return {
    consent_request_id: c.id,
    grant_scope: c.grantScope,
    grant_access_token_audience: c.grantAudience,
    session: c.session,
    remember: c.remember,
    remember_for: c.rememberFor,
    handled_at: c.handledAt.toISOString(),
    context: c.context ?? {},
    consent_request: request,
  };
}

/** GET …/sessions/consent?subject=[&login_session_id][&page_size&page_token]; the page token is an offset. */
export async function listConsentSessions(ctx: TokenServerContext, url: URL) {
  const subject = url.searchParams.get('subject');
  if (!subject) throw badRequest("Query parameter 'subject' is not defined but should have been.");
  const pageSize = Math.min(Number(url.searchParams.get('page_size')) || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const token = url.searchParams.get('page_token');
  const offset = token ? Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('The page token is invalid.');
  const all = await listConsents(ctx.db, subject, url.searchParams.get('login_session_id') ?? undefined);
  const items = all.slice(offset, offset + pageSize).map(consentSessionView);
  const page = (o: number) => `<${url.pathname}?subject=${encodeURIComponent(subject)}&page_size=${pageSize}&page_token=${Buffer.from(String(o)).toString('base64url')}>`;
  const links = [`${page(0)}; rel="first"`];
  if (offset + pageSize < all.length) links.push(`${page(offset + pageSize)}; rel="next"`);
  return { items, link: links.join(',') };
}

/** DELETE …/sessions/consent: exactly one of consent_request_id, subject&client, subject&all=true. */
export async function deleteConsentSessions(ctx: TokenServerContext, url: URL) {
  const q = url.searchParams;
  const subject = q.get('subject');
  const client = q.get('client');
  const all = q.get('all') === 'true';
  const consentRequestId = q.get('consent_request_id');
  const revoke = (where: Parameters<typeof revokeConsents>[3]) => revokeConsents(ctx.db, ctx.box, ctx.provider, where);
  if (consentRequestId && !subject && !client) {
    const row = await ctx.db.consentSession.findUnique({ where: { id: consentRequestId }, select: { subject: true } });
    if (row) await revoke({ subject: row.subject, id: consentRequestId });
    return;
  }
  if (subject && client && !all) return revoke({ subject, clientId: client });
  if (subject && all && !client) return revoke({ subject });
  throw badRequest("Query parameters 'subject' and 'client' or 'subject' and 'all=true', or 'consent_request_id', must be set.");
}

/** DELETE …/sessions/login?subject= ends every login session of the subject; ?sid= ends one, with back-channel logout. */
export async function deleteLoginSessions(ctx: TokenServerContext, url: URL) {
  const subject = url.searchParams.get('subject');
  const sid = url.searchParams.get('sid');
  if (sid) return endLoginSession(ctx.provider, ctx.db, ctx.box, sid);
  if (subject) {
    await ctx.db.oidcRecord.deleteMany({ where: { kind: 'Session', subject } });
    return;
  }
  throw badRequest("Query parameter 'subject' or 'sid' must be set.");
}
