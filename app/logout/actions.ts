'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formErrorOf } from '@/components/flow/form-state';
import type { LogoutState } from '@/components/logout/logout-panel';
import { acceptLogout, rejectLogout } from '@/lib/hydra';
import { parseChallenge } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { checkCsrf } from '@/lib/security/csrf';
import { safeAction } from '@/lib/security/safe-action';

const logoutForm = z.object({ intent: z.enum(['accept', 'reject']) });

export const decideLogout = safeAction<LogoutState>('logout', async (state, form) => {
  const seq = (state.seq ?? 0) + 1;
  const challenge = parseChallenge(form.get('challenge'));
  if (!challenge) return { seq, error: 'invalid' };
  if (!(await checkCsrf(form, `logout:${challenge}`))) return { seq, error: 'formExpired' };
  const parsed = logoutForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { seq, error: 'formExpired' };

  // "No": Hydra does nothing further and the session stays; the page says so.
  if (parsed.data.intent === 'reject') {
    const rejected = await attempt(() => rejectLogout(challenge));
    return rejected.ok ? { seq, cancelled: true } : { seq, error: formErrorOf(rejected.problem) };
  }

  // "Yes": Hydra ends the session, notifies the clients and returns to the post-logout URI.
  const accepted = await attempt(() => acceptLogout(challenge));
  if (!accepted.ok) return { seq, error: formErrorOf(accepted.problem) };
  redirect(accepted.value);
});
