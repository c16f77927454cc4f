import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { CSSProperties, ReactNode } from 'react';
import { brand } from '@/lib/branding';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { name } = brand();
  // The referrer policy (same-origin) is set as a header for every page: lib/http/security-headers.js.
  return { title: { default: name, template: `%s · ${name}` }, robots: { index: false, follow: false } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page depends on runtime configuration (branding, Hydra's URL), so nothing is prerendered at build time.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const { accentColor } = brand();
  return (
    <html lang="en">
      <body
        className="min-h-dvh bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100"
        style={{ '--brand-accent': accentColor } as CSSProperties}
      >
        {children}
      </body>
    </html>
  );
}
