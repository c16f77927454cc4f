import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { CreateUserForm, ResetPasswordForm } from '@/components/admin/user-forms';
import { Notice, Section } from '@/components/ui/app-shell';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { adminPage, param } from '@/lib/admin-console/page-context';
import { appDb } from '@/lib/db/app-connection';
import { signOut } from '../../account/actions';
import { createUserAction, deleteUserAction, resetPasswordAction, setDisabledAction } from './actions';

export const metadata: Metadata = { title: 'Users' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const { admin, token, accountToken, brandName } = await adminPage('/admin/users');
  const params = await searchParams;
  const q = param(params.q)?.trim().toLowerCase();
  const users = await appDb().user.findMany({ where: q ? { OR: [{ email: { contains: q } }, { name: { contains: q } }] } : {}, orderBy: { email: 'asc' }, take: 100 });
  const error = param(params.error);
  return (
    <AdminShell brandName={brandName} email={admin.email} current="users" signOut={signOut} signOutToken={accountToken}>
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      {params.notice === 'updated' ? <Notice tone="ok">The user was updated.</Notice> : null}
      {params.notice === 'deleted' ? <Notice tone="ok">The user was deleted, with their sessions and consents.</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Section title="Find people" id="find">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-60 flex-1 space-y-1.5">
            <label htmlFor="q" className="block text-sm font-medium">E-mail address or name contains</label>
            <input id="q" name="q" defaultValue={q ?? ''} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium dark:border-slate-600">Search</button>
        </form>
      </Section>
      <Section title={`People (${users.length}${users.length === 100 ? '+' : ''})`} id="people">
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3" data-user-email={u.email}>
              <div className="min-w-0 flex-1">
                <p className="font-medium">{u.email}</p>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  {u.name ?? 'No name'} · {u.role === 'admin' ? 'operator' : 'user'} · {u.disabled ? <strong>disabled</strong> : 'active'}
                </p>
              </div>
              <form action={setDisabledAction}>
                <HiddenFields csrfToken={token} />
                <input type="hidden" name="userId" value={u.id} />
                <input type="hidden" name="disabled" value={u.disabled ? 'false' : 'true'} />
                <Button variant="link" aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}>{u.disabled ? 'Enable' : 'Disable'}</Button>
              </form>
              <ResetPasswordForm action={resetPasswordAction} csrfToken={token} userId={u.id} email={u.email} />
              {u.id !== admin.id ? (
                <form action={deleteUserAction} className="flex items-center gap-2">
                  <HiddenFields csrfToken={token} />
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="checkbox" id={`confirm-${u.id}`} name="confirm" className="h-5 w-5" />
                  <label htmlFor={`confirm-${u.id}`} className="text-sm">Confirm</label>
                  <Button variant="link" aria-label={`Delete ${u.email}`}>Delete</Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Add a person" id="add">
        <CreateUserForm action={createUserAction} csrfToken={token} />
      </Section>
    </AdminShell>
  );
}
