import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Section } from '@/components/ui/app-shell';
import { adminPage } from '@/lib/admin-console/page-context';
import { recentAudit } from '@/lib/audit/audit-log';
import { appDb } from '@/lib/db/app-connection';
import { signOut } from '../../account/actions';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage() {
  const { admin, accountToken, brandName } = await adminPage('/admin/audit');
  const entries = await recentAudit(appDb(), 200);
  return (
    <AdminShell brandName={brandName} email={admin.email} current="audit" signOut={signOut} signOutToken={accountToken}>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <Section title="Newest first" id="entries">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" id="audit-table">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-2 pr-4">When (UTC)</th>
                <th scope="col" className="py-2 pr-4">Who</th>
                <th scope="col" className="py-2 pr-4">What</th>
                <th scope="col" className="py-2">Target</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</time></td>
                  <td className="py-2 pr-4">{e.actor}</td>
                  <td className="py-2 pr-4">{e.action}{e.detail ? ` (${e.detail})` : ''}</td>
                  <td className="py-2 font-mono text-xs">{e.target}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </AdminShell>
  );
}
