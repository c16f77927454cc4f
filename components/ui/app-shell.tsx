import type { ReactNode } from 'react';

type NavItem = { href: string; label: string; current?: boolean };

/** The frame of the signed-in pages (account area, operator console): a header with navigation. */
export function AppShell({ brandName, nav, userEmail, signOut, children }: { brandName: string; nav: NavItem[]; userEmail: string; signOut: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-semibold tracking-tight">{brandName}</span>
          <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
            {nav.map((item) => (
              <a key={item.href} href={item.href} aria-current={item.current ? 'page' : undefined} className={`rounded underline-offset-4 hover:underline ${item.current ? 'font-semibold text-slate-950 dark:text-white' : 'text-slate-700 dark:text-slate-300'}`}>
                {item.label}
              </a>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
            <span className="truncate">{userEmail}</span>
            {signOut}
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">{children}</main>
    </div>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id={id} className="mb-4 text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A result announced politely after a redirect back to the page. */
export function Notice({ tone, children }: { tone: 'ok' | 'error'; children: ReactNode }) {
  const style = tone === 'ok' ? 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100' : 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200';
  return (
    <div role={tone === 'ok' ? 'status' : 'alert'} className={`rounded-lg border px-4 py-3 text-sm ${style}`}>
      {children}
    </div>
  );
}
