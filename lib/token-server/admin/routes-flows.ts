// The admin side of Hydra's challenge model: login, consent and logout requests, consent sessions
// and login sessions (/admin/oauth2/auth/...).
import type { TokenServerContext } from '../context';
import { ChallengeGone, challengeParam } from '../flows/challenges';
import { acceptConsentRequest, getConsentRequest, rejectConsentRequest } from '../flows/consent-requests';
import { createFlowRecords } from '../flows/flow-records';
import { acceptLoginRequest, getLoginRequest, rejectLoginRequest } from '../flows/login-requests';
import { acceptLogoutRequest, getLogoutRequest, rejectLogoutRequest } from '../flows/logout-requests';
import { deleteConsentSessions, deleteLoginSessions, listConsentSessions } from '../flows/session-admin';
import { sendJson } from '../http/errors';
import type { RouteHandler, RouteRequest, Router } from '../http/router';

const BASE = '/admin/oauth2/auth';

/** A handled challenge is 410 with the redirect the browser should still follow. */
function withGone(handler: (r: RouteRequest) => Promise<unknown>): RouteHandler {
  return async (r) => {
    try {
      sendJson(r.res, 200, await handler(r));
    } catch (err) {
      if (err instanceof ChallengeGone) return sendJson(r.res, 410, { redirect_to: err.redirectTo });
      throw err;
    }
  };
}

export function registerFlowRoutes(router: Router, ctx: TokenServerContext): void {
  const records = createFlowRecords(ctx.db, ctx.box);

  router.add('GET', `${BASE}/requests/login`, withGone(({ url }) => getLoginRequest(ctx, records, challengeParam(url, 'login'))));
  router.add('PUT', `${BASE}/requests/login/accept`, withGone(({ url, req }) => acceptLoginRequest(ctx, records, challengeParam(url, 'login'), req)));
  router.add('PUT', `${BASE}/requests/login/reject`, withGone(({ url, req }) => rejectLoginRequest(ctx, records, challengeParam(url, 'login'), req)));

  router.add('GET', `${BASE}/requests/consent`, withGone(({ url }) => getConsentRequest(ctx, records, challengeParam(url, 'consent'))));
  router.add('PUT', `${BASE}/requests/consent/accept`, withGone(({ url, req }) => acceptConsentRequest(ctx, records, challengeParam(url, 'consent'), req)));
  router.add('PUT', `${BASE}/requests/consent/reject`, withGone(({ url, req }) => rejectConsentRequest(ctx, records, challengeParam(url, 'consent'), req)));

  router.add('GET', `${BASE}/requests/logout`, async ({ url, res }) => {
    sendJson(res, 200, await getLogoutRequest(ctx, records, challengeParam(url, 'logout')));
  });
  router.add('PUT', `${BASE}/requests/logout/accept`, async ({ url, res }) => {
    sendJson(res, 200, await acceptLogoutRequest(ctx, records, challengeParam(url, 'logout')));
  });
  router.add('PUT', `${BASE}/requests/logout/reject`, async ({ url, res }) => {
    await rejectLogoutRequest(records, challengeParam(url, 'logout'));
    res.writeHead(204).end();
  });

  router.add('GET', `${BASE}/sessions/consent`, async ({ url, res }) => {
    const { items, link } = await listConsentSessions(ctx, url);
    sendJson(res, 200, items, link ? { link } : {});
  });
  router.add('DELETE', `${BASE}/sessions/consent`, async ({ url, res }) => {
    await deleteConsentSessions(ctx, url);
    res.writeHead(204).end();
  });
  router.add('DELETE', `${BASE}/sessions/login`, async ({ url, res }) => {
    await deleteLoginSessions(ctx, url);
    res.writeHead(204).end();
  });
}
