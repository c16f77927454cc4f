'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { generateSecret } from '@/lib/admin-console/secrets';
import { recordAudit } from '@/lib/audit/audit-log';
import { ActionRefused, authorizeAction, SIGNED_IN_CSRF_BINDING } from '@/lib/auth/guard';
import { appDb } from '@/lib/db/app-connection';
import { revokeAllConsents, revokeLoginSessions } from '@/lib/hydra/account-sessions';
import { validateRegistration } from '@/lib/users/register';
import { deleteUser, setUserDisabled, setUserPassword } from '@/lib/users/user-admin';
import { createUser, findUserByEmail, findUserById } from '@/lib/users/user-store';

export type UserActionState = { error?: string; notice?: string; password?: string; email?: string };

const userId = z.string().uuid();

function failure(err: unknown): string {
  if (err instanceof ActionRefused) return err.reason === 'forbidden' ? 'Only operators may do this.' : 'The page had expired. Please try again.';
  return 'Something went wrong. Please try again.';
}

async function targetUser(form: FormData) {
  const id = userId.safeParse(form.get('userId'));
  const user = id.success ? await findUserById(appDb(), id.data) : null;
  if (!user) throw new Error('unknown user');
  return user;
}

export async function createUserAction(_s: UserActionState, form: FormData): Promise<UserActionState> {
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const valid = validateRegistration({ name: form.get('name'), email: form.get('email'), password: form.get('password') });
    if (!valid.ok) return { error: `Check the ${Object.keys(valid.errors).join(', ')} field.` };
    if (await findUserByEmail(appDb(), valid.data.email)) return { error: 'A user with that e-mail address exists already.' };
    const role = form.get('role') === 'admin' ? 'admin' : 'user';
    const user = await createUser(appDb(), { ...valid.data, role });
    await recordAudit(appDb(), { actor: admin.email, action: 'user.create', target: user.email, detail: `role ${role}` });
    revalidatePath('/admin/users');
    return { notice: `${user.email} can sign in now.` };
  } catch (err) {
    return { error: failure(err) };
  }
}

/** Disabling also ends the person's sessions and consents at Hydra, so nothing keeps working. */
export async function setDisabledAction(form: FormData): Promise<void> {
  let outcome = 'notice=updated';
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const user = await targetUser(form);
    const disabled = form.get('disabled') === 'true';
    await setUserDisabled(appDb(), user.id, disabled);
    if (disabled) {
      await revokeLoginSessions(user.id);
      await revokeAllConsents(user.id);
    }
    await recordAudit(appDb(), { actor: admin.email, action: disabled ? 'user.disable' : 'user.enable', target: user.email });
  } catch (err) {
    outcome = `error=${encodeURIComponent(failure(err))}`;
  }
  redirect(`/admin/users?${outcome}`);
}

export async function resetPasswordAction(_s: UserActionState, form: FormData): Promise<UserActionState> {
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const user = await targetUser(form);
    const password = generateSecret().slice(0, 20);
    await setUserPassword(appDb(), user.id, password);
    await revokeLoginSessions(user.id);
    await recordAudit(appDb(), { actor: admin.email, action: 'user.reset-password', target: user.email });
    return { email: user.email, password };
  } catch (err) {
    return { error: failure(err) };
  }
}

export async function deleteUserAction(form: FormData): Promise<void> {
  let outcome = 'notice=deleted';
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const user = await targetUser(form);
    if (user.id === admin.id) throw new Error('an operator cannot delete their own account here');
    if (form.get('confirm') !== 'on') outcome = `error=${encodeURIComponent('Tick the box to confirm the deletion.')}`;
    else {
      await revokeAllConsents(user.id);
      await revokeLoginSessions(user.id);
      await deleteUser(appDb(), user.id);
      await recordAudit(appDb(), { actor: admin.email, action: 'user.delete', target: user.email });
    }
  } catch (err) {
    outcome = `error=${encodeURIComponent(failure(err))}`;
  }
  redirect(`/admin/users?${outcome}`);
}
