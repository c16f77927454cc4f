import type { ReactNode } from 'react';
import { CARD_CLASSES } from './styles';

type Props = { title: string; brandName: string; logoUrl?: string; lang?: string; children: ReactNode };

/** The centred card every flow page uses: readable on a phone, calm on a desktop. */
export function CardPage({ title, brandName, logoUrl, lang, children }: Props) {
  return (
    <main lang={lang} className={CARD_CLASSES.main}>
      <div className={CARD_CLASSES.column}>
        <div className={CARD_CLASSES.brand}>
          {logoUrl ? <img src={logoUrl} alt="" className={CARD_CLASSES.logo} /> : <BrandMark />}
          {brandName ? <span className={CARD_CLASSES.brandName}>{brandName}</span> : null}
        </div>
        <section
          aria-labelledby="page-title"
          className={CARD_CLASSES.section}
        >
          <h1 id="page-title" className={CARD_CLASSES.title}>
            {title}
          </h1>
          {children}
        </section>
      </div>
    </main>
  );
}

/** A neutral mark in the accent colour when the operator has not configured a logo. */
function BrandMark() {
  return (
    <span aria-hidden="true" className={CARD_CLASSES.mark}>
      <svg viewBox="0 0 24 24" className={CARD_CLASSES.markIcon} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <rect x="5" y="11" width="14" height="9" rx="2" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" />
      </svg>
    </span>
  );
}
