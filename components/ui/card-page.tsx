import type { ReactNode } from 'react';

/** The centred card every flow page uses: readable on a phone, calm on a desktop. */
export function CardPage({ title, brandName, logoUrl, children }: { title: string; brandName: string; logoUrl?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-center gap-3">
          {logoUrl ? <img src={logoUrl} alt="" className="h-8 w-8 rounded" /> : null}
          <span className="text-lg font-semibold tracking-tight">{brandName}</span>
        </div>
        <section aria-labelledby="page-title" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
          <h1 id="page-title" className="mb-4 text-2xl font-semibold tracking-tight">
            {title}
          </h1>
          {children}
        </section>
      </div>
    </main>
  );
}
