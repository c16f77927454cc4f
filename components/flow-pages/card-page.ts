// The centred card every flow page uses: readable on a phone, calm on a desktop.
import { html, type Html, type SafeHtml } from '../../lib/html/html';
import { documentShell, type PageView } from './document';

/** A neutral mark in the accent colour when the operator has not configured a logo. */
const BRAND_MARK = html`<span aria-hidden="true" class="grid h-8 w-8 place-items-center rounded-lg bg-accent text-white">
  <svg viewBox="0 0 24 24" class="h-5 w-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <rect x="5" y="11" width="14" height="9" rx="2"></rect>
    <path d="M8 11V8a4 4 0 0 1 8 0v3"></path>
  </svg>
</span>`;

export function cardPage(view: PageView, title: string, children: Html): SafeHtml {
  const { brand } = view;
  return documentShell(
    view,
    title,
    html`<main lang="${view.lang}" class="flex min-h-dvh items-start justify-center px-4 py-8 sm:items-center sm:py-12">
      <div class="w-full max-w-md">
        <div class="mb-6 flex items-center justify-center gap-3">
          ${brand.logoUrl ? html`<img src="${brand.logoUrl}" alt="" class="h-8 w-8 rounded">` : BRAND_MARK}
          ${brand.name ? html`<span class="text-lg font-semibold tracking-tight">${brand.name}</span>` : null}
        </div>
        <section aria-labelledby="page-title" class="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
          <h1 id="page-title" class="mb-4 text-2xl font-semibold tracking-tight text-balance">${title}</h1>
          ${children}
        </section>
      </div>
    </main>`,
  );
}
