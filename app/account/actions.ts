'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/audit-log';
import { ActionRefused, authorizeAction, SIGNED_IN_CSRF_BINDING } from '@/lib/auth/guard';
import { idTokenOfSession, signInPath } from '@/lib/auth/session';
import { clearSessionCookies, endSessionUrl } from '@/lib/auth/sign-out';
import { appDb } from '@/lib/db/app-connection';
import { revokeConnectedApp, revokeLoginSessions } from '@/lib/hydra/account-sessions';
import { verifyPassword } from '@/lib/users/password-hash';
import { passwordProblem } from '@/lib/users/password-rules';
import { setUserPassword } from '@/lib/users/user-admin';

/** Runs an account action for the signed-in person; every outcome is a redirect back with a notice. */
async function asUser(form: FormData, run: (userId: string, email: string) => Promise<string>): Promise<never> {
  let notice: string;
  try {
    const user = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'user');
    notice = await run(user.id, user.email);
  } catch (err) {
    if (err instanceof ActionRefused && err.reason === 'signed-out') redirect(signInPath('/account'));
    notice = err instanceof ActionRefused ? 'error=refused' : 'error=failed';
  }
  redirect(`/account?${notice}`);
}

const optional = z.string().trim().max(200).transform((v) => v || null);
const profileSchema = z.object({
  name: optional,
  givenName: optional,
  familyName: optional,
  picture: optional.refine((v) => v === null || (URL.canParse(v) && new URL(v).protocol === 'https:'), 'picture'),
  locale: optional.refine((v) => v === null || /^[a-z]{2,3}(-[A-Z]{2})?$/.test(v), 'locale'),
  phoneNumber: optional.refine((v) => v === null || /^\+?[0-9 ()-]{4,20}$/.test(v), 'phone'),
});

export async function saveProfile(form: FormData): Promise<void> {
  await asUser(form, async (userId) => {
    const parsed = profileSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return `error=invalid-${String(parsed.error.issues[0]?.message ?? 'profile')}`;
    await appDb().user.update({ where: { id: userId }, data: parsed.data });
    return 'notice=profile-saved';
  });
}

export async function changePassword(form: FormData): Promise<void> {
  await asUser(form, async (userId) => {
    const current = String(form.get('currentPassword') ?? '');
    const next = String(form.get('newPassword') ?? '');
    const user = await appDb().user.findUniqueOrThrow({ where: { id: userId } });
    if (!(await verifyPassword(user.passwordHash, current))) return 'error=wrong-password';
    const problem = passwordProblem(next);
    if (problem) return `error=${problem}`;
    await setUserPassword(appDb(), userId, next);
    // Every other browser must sign in again with the new password.
    await revokeLoginSessions(userId);
    return 'notice=password-changed';
  });
}

export async function removeAccess(form: FormData): Promise<void> {
  await asUser(form, async (userId, email) => {
    const clientId = z.string().min(1).max(255).parse(form.get('clientId'));
    await revokeConnectedApp(userId, clientId);
    await recordAudit(appDb(), { actor: email, action: 'consent.revoke', target: clientId });
    return 'notice=access-removed';
  });
}

/** Signs out here and at Hydra; with `everywhere`, every other browser's login session ends too. */
async function endSession(form: FormData, everywhere: boolean): Promise<never> {
  let userId: string;
  try {
    userId = (await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'user')).id;
  } catch {
    redirect('/');
  }
  if (everywhere) await revokeLoginSessions(userId);
  const idToken = await idTokenOfSession();
  await clearSessionCookies();
  // Hydra ends its session (if still there), then sends the browser back to this app's home page.
  redirect(endSessionUrl(idToken));
}

export async function signOut(form: FormData): Promise<void> {
  await endSession(form, false);
}

export async function signOutEverywhere(form: FormData): Promise<void> {
  await endSession(form, true);
}
