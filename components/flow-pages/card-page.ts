// The centred card every flow page uses: readable on a phone, calm on a desktop.
import { html, type Html, type SafeHtml } from '../../lib/html/html';
import { CARD_CLASSES } from '../ui/styles';
import { documentShell, type PageView } from './document';

/** A neutral mark in the accent colour when the operator has not configured a logo. */
const BRAND_MARK = html`<span aria-hidden="true" class="${CARD_CLASSES.mark}">
  <svg viewBox="0 0 24 24" class="${CARD_CLASSES.markIcon}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <rect x="5" y="11" width="14" height="9" rx="2"></rect>
    <path d="M8 11V8a4 4 0 0 1 8 0v3"></path>
  </svg>
</span>`;

export function cardPage(view: PageView, title: string, children: Html): SafeHtml {
  const { brand } = view;
  return documentShell(
    view,
    title,
    html`<main lang="${view.lang}" class="${CARD_CLASSES.main}">
      <div class="${CARD_CLASSES.column}">
        <div class="${CARD_CLASSES.brand}">
          ${brand.logoUrl ? html`<img src="${brand.logoUrl}" alt="" class="${CARD_CLASSES.logo}">` : BRAND_MARK}
          ${brand.name ? html`<span class="${CARD_CLASSES.brandName}">${brand.name}</span>` : null}
        </div>
        <section aria-labelledby="page-title" class="${CARD_CLASSES.section}">
          <h1 id="page-title" class="${CARD_CLASSES.title}">${title}</h1>
          ${children}
        </section>
      </div>
    </main>`,
  );
}
