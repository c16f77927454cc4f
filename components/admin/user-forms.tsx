'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { TextField } from '@/components/ui/text-field';
import type { UserActionState } from '@/app/admin/users/actions';

type Action = (s: UserActionState, f: FormData) => Promise<UserActionState>;

export function CreateUserForm({ action, csrfToken }: { action: Action; csrfToken?: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2">
      <HiddenFields csrfToken={csrfToken} />
      {state.error ? <div className="sm:col-span-2"><Alert>{state.error}</Alert></div> : null}
      {state.notice ? <p role="status" className="sm:col-span-2 text-sm text-emerald-800 dark:text-emerald-200">{state.notice}</p> : null}
      <TextField id="new-user-email" name="email" type="email" label="E-mail address" required autoComplete="off" />
      <TextField id="new-user-name" name="name" label="Name" required autoComplete="off" />
      <TextField id="new-user-password" name="password" type="password" label="Initial password" required minLength={8} autoComplete="new-password" />
      <div className="space-y-1.5">
        <label htmlFor="new-user-role" className="block text-sm font-medium">Role</label>
        <select id="new-user-role" name="role" className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950">
          <option value="user">User</option>
          <option value="admin">Operator (admin)</option>
        </select>
      </div>
      <div className="sm:max-w-48">
        <Button id="create-user" disabled={pending}>Create user</Button>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ action, csrfToken, userId, email }: { action: Action; csrfToken?: string; userId: string; email: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline">
      <HiddenFields csrfToken={csrfToken} />
      <input type="hidden" name="userId" value={userId} />
      {state.password ? (
        <span role="status" className="mr-2 text-sm">
          New password: <code className="font-mono" data-reset-password>{state.password}</code> (shown once)
        </span>
      ) : null}
      {state.error ? <span role="alert" className="mr-2 text-sm text-red-700 dark:text-red-300">{state.error}</span> : null}
      <Button variant="link" disabled={pending} aria-label={`Reset the password of ${email}`}>Reset password</Button>
    </form>
  );
}
