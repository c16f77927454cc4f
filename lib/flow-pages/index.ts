// The Hydra-facing pages (login, consent, logout, registration, error) and their stylesheet, served
// by the app's own server in front of Next.js: plain HTML, no script, a few admin calls per page.
// Everything else falls through to Next.js.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config';
import { blockListOf } from '../security/cidr';
import type { Logger } from '../logger';
import { getConsent, postConsent } from './consent';
import type { FlowContext, FlowRequest } from './context';
import { getError } from './error-page';
import { getLogin, postLogin } from './login';
import { getLogout, postLogout } from './logout';
import { sendProblem, sendRefusal } from './problem-page';
import { getRegistration, postRegistration } from './registration';
import { isForeignOrigin, readForm, searchParamsOf } from './request';
import { sendStylesheet, type Stylesheet } from './stylesheet';

type Page = { get: (ctx: FlowContext) => Promise<void>; post?: (ctx: FlowContext, form: URLSearchParams) => Promise<void> };

const PAGES = new Map<string, Page>([
  ['/login', { get: getLogin, post: postLogin }],
  ['/consent', { get: getConsent, post: postConsent }],
  ['/logout', { get: getLogout, post: postLogout }],
  ['/registration', { get: getRegistration, post: postRegistration }],
  ['/error', { get: getError }],
]);

export type FlowPagesOptions = { config: AppConfig; log: Logger; stylesheet: Stylesheet };

/** Answers a flow page and returns true, or returns false for Next.js to answer. */
export type FlowPagesHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function createFlowPages({ config, log, stylesheet }: FlowPagesOptions): FlowPagesHandler {
  const appOrigin = new URL(config.APP_URL).origin;
  const trustedProxies = blockListOf(config.TRUSTED_PROXIES)!; // validated by the configuration

  async function post(ctx: FlowContext, handler: NonNullable<Page['post']>): Promise<void> {
    // A form posted from another origin is refused before its body is read.
    if (isForeignOrigin(ctx.req, appOrigin)) {
      log.warn({ origin: ctx.req.headers.origin, appOrigin }, 'a flow form was posted from another origin; refused');
      return sendRefusal(ctx, 403);
    }
    const body = await readForm(ctx.req);
    return body.ok ? handler(ctx, body.form) : sendRefusal(ctx, body.status);
  }

  return async (req, res) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
    const page = PAGES.get(pathname);
    const isAsset = pathname.startsWith('/assets/');
    if (!page && !isAsset) return false;

    const r: FlowRequest = { req, res, config, stylesheetHref: stylesheet.href, trustedProxies };
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (!page || !(method === 'GET' || (method === 'POST' && page.post))) {
      if (isAsset && method === 'GET') sendStylesheet(req, res, stylesheet, pathname);
      else sendRefusal(r, 405, { allow: page?.post ? 'GET, HEAD, POST' : 'GET, HEAD' });
      return true;
    }

    const ctx: FlowContext = { ...r, method, query: searchParamsOf(queryAt < 0 ? '' : url.slice(queryAt + 1)) };
    try {
      await (method === 'POST' && page.post ? post(ctx, page.post) : page.get(ctx));
    } catch (err) {
      // A bug, or the user database failing: logged once here, and a calm page, never a stack trace.
      log.error({ err, path: pathname }, 'a sign-in page failed');
      if (!res.headersSent && !res.destroyed) sendProblem(r, 'unavailable', { status: 503, retryHref: url });
      else res.destroy();
    }
    return true;
  };
}
