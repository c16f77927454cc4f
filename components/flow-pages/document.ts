// The whole document around a flow page: one stylesheet, no script at all, the person's language.
import type { Brand } from '../../lib/branding';
import { html, type Html, type SafeHtml } from '../../lib/html/html';
import type { Locale, Messages } from '../../lib/i18n/messages';

/** What every flow view needs besides its own data. */
export type PageView = { lang: Locale; m: Messages; brand: Brand; stylesheetHref: string };

export function documentShell(view: PageView, title: string, body: Html): SafeHtml {
  return html`<!DOCTYPE html>
    <html lang="${view.lang}">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="${view.stylesheetHref}">
        <title>${title} · ${view.brand.name}</title>
        <meta name="robots" content="noindex, nofollow">
      </head>
      <body class="min-h-dvh bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">${body}</body>
    </html>`;
}
