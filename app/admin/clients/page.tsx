import Link from 'next/link';
import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Notice, Section } from '@/components/ui/app-shell';
import { adminPage, param } from '@/lib/admin-console/page-context';
import { listClients } from '@/lib/hydra/clients-admin';
import { signOut } from '../../account/actions';

export const metadata: Metadata = { title: 'OAuth2 clients' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientsPage({ searchParams }: Props) {
  const { admin, accountToken, brandName } = await adminPage('/admin/clients');
  const params = await searchParams;
  const name = param(params.name);
  const pageToken = param(params.page_token);
  const page = await listClients({ name, pageToken }).catch(() => undefined);
  const next = page?.nextPageToken ? `/admin/clients?${new URLSearchParams({ ...(name ? { name } : {}), page_token: page.nextPageToken })}` : undefined;
  return (
    <AdminShell brandName={brandName} email={admin.email} current="clients" signOut={signOut} signOutToken={accountToken}>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">OAuth2 clients</h1>
        <Link href="/admin/clients/new" id="new-client" className="rounded-lg bg-accent px-4 py-2.5 font-medium text-white shadow-sm hover:brightness-110">
          New client
        </Link>
      </div>
      {params.notice === 'deleted' ? <Notice tone="ok">The client was deleted.</Notice> : null}
      <Section title="Find a client" id="find">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-60 flex-1 space-y-1.5">
            <label htmlFor="name" className="block text-sm font-medium">Exact client name</label>
            <input id="name" name="name" defaultValue={name ?? ''} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium dark:border-slate-600">Search</button>
        </form>
      </Section>
      <Section title={name ? `Clients named “${name}”` : 'All clients'} id="list">
        {!page ? (
          <Notice tone="error">Hydra&apos;s admin API cannot be reached right now.</Notice>
        ) : page.clients.length === 0 ? (
          <p className="text-sm">No clients.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className="py-2 pr-4">Name</th>
                  <th scope="col" className="py-2 pr-4">Client ID</th>
                  <th scope="col" className="py-2">Grant types</th>
                </tr>
              </thead>
              <tbody>
                {page.clients.map((c) => (
                  <tr key={c.client_id} className="border-b border-slate-100 dark:border-slate-800">
                    <td className="py-2 pr-4">
                      <Link className="font-medium underline underline-offset-4" href={`/admin/clients/${encodeURIComponent(c.client_id ?? '')}`}>
                        {c.client_name || c.client_id}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{c.client_id}</td>
                    <td className="py-2">{(c.grant_types ?? []).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next ? (
          <p className="mt-4">
            <Link className="font-medium underline underline-offset-4" href={next} rel="next">Next page</Link>
          </p>
        ) : null}
      </Section>
    </AdminShell>
  );
}
