// One request to a flow page, as the page handlers see it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageView } from '../../components/flow-pages/document';
import { brand } from '../branding';
import type { BlockList } from 'node:net';
import type { AppConfig } from '../config';
import type { SearchParams } from '../hydra/challenge';
import { chooseLocale } from '../i18n/choose-locale';
import { messagesFor } from '../i18n/messages';

/** Enough to answer with any page. */
export type FlowRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  config: AppConfig;
  stylesheetHref: string;
  /** config.TRUSTED_PROXIES as a list, built once at start-up. */
  trustedProxies: BlockList;
};

/** HEAD is answered as GET (Node sends no body for it). */
export type FlowContext = FlowRequest & { method: 'GET' | 'POST'; query: SearchParams };

/** `ui_locales` from Hydra's request when the page has one, else the browser's Accept-Language. */
export function pageView(r: FlowRequest, uiLocales?: readonly string[]): PageView {
  const lang = chooseLocale(uiLocales, r.req.headers['accept-language']);
  return { lang, m: messagesFor(lang), brand: brand(r.config), stylesheetHref: r.stylesheetHref };
}
