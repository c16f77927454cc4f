import type { ReactNode } from 'react';

type Props = { title: string; brandName: string; logoUrl?: string; lang?: string; children: ReactNode };

/** The centred card every flow page uses: readable on a phone, calm on a desktop. */
export function CardPage({ title, brandName, logoUrl, lang, children }: Props) {
  return (
    <main lang={lang} className="flex min-h-dvh items-start justify-center px-4 py-8 sm:items-center sm:py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-center gap-3">
          {logoUrl ? <img src={logoUrl} alt="" className="h-8 w-8 rounded" /> : <BrandMark />}
          {brandName ? <span className="text-lg font-semibold tracking-tight">{brandName}</span> : null}
        </div>
        <section
          aria-labelledby="page-title"
          className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900"
        >
          <h1 id="page-title" className="mb-4 text-2xl font-semibold tracking-tight text-balance">
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
    <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-accent text-white">
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <rect x="5" y="11" width="14" height="9" rx="2" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" />
      </svg>
    </span>
  );
}
