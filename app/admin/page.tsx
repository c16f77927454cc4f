import Link from 'next/link';
import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Section } from '@/components/ui/app-shell';
import { adminPage } from '@/lib/admin-console/page-context';
import { recentAudit } from '@/lib/audit/audit-log';
import { appDb } from '@/lib/db/app-connection';
import { signOut } from '../account/actions';

export const metadata: Metadata = { title: 'Operator console' };

export default async function AdminOverview() {
  const { admin, accountToken, brandName } = await adminPage('/admin');
  const [users, admins, audit] = await Promise.all([appDb().user.count(), appDb().user.count({ where: { role: 'admin' } }), recentAudit(appDb(), 5)]);
  return (
    <AdminShell brandName={brandName} email={admin.email} current="overview" signOut={signOut} signOutToken={accountToken}>
      <h1 className="text-2xl font-semibold tracking-tight">Operator console</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/admin/clients" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-slate-400 dark:border-slate-800 dark:bg-slate-900">
          <p className="font-semibold">OAuth2 clients</p>
          <p className="text-sm text-slate-700 dark:text-slate-300">Register, edit and retire applications.</p>
        </Link>
        <Link href="/admin/users" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-slate-400 dark:border-slate-800 dark:bg-slate-900">
          <p className="font-semibold">Users</p>
          <p className="text-sm text-slate-700 dark:text-slate-300">{users} people, {admins} of them operators.</p>
        </Link>
        <Link href="/admin/audit" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-slate-400 dark:border-slate-800 dark:bg-slate-900">
          <p className="font-semibold">Audit log</p>
          <p className="text-sm text-slate-700 dark:text-slate-300">Every operator action, newest first.</p>
        </Link>
      </div>
      <Section title="Latest operator actions" id="latest">
        {audit.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">Nothing yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {audit.map((a) => (
              <li key={a.id}>
                <time dateTime={a.createdAt.toISOString()}>{a.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</time> · {a.actor} · {a.action} · <code>{a.target}</code>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </AdminShell>
  );
}
