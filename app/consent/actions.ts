'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ConsentState } from '@/components/consent/consent-form';
import { formErrorOf } from '@/components/flow/form-state';
import { appConfig } from '@/lib/app-config';
import { appDb } from '@/lib/db/app-connection';
import { acceptConsent, getConsentRequest, rejectConsent } from '@/lib/hydra';
import { parseChallenge } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { restartWithLogin } from '@/lib/hydra/restart-login';
import { en } from '@/lib/i18n/en';
import { consentAcceptance } from '@/lib/scopes/consent-grant';
import { grantedScopes } from '@/lib/scopes/grant-scope';
import { checkCsrf } from '@/lib/security/csrf';
import { safeAction } from '@/lib/security/safe-action';
import { findLiveUser } from '@/lib/users/live-user';

const consentForm = z.object({ intent: z.enum(['accept', 'reject', 'switch']), remember: z.literal('1').optional() });

export const decideConsent = safeAction<ConsentState>('consent', async (state, form) => {
  const seq = (state.seq ?? 0) + 1;
  const challenge = parseChallenge(form.get('challenge'));
  if (!challenge) return { seq, error: 'invalid' };
  if (!(await checkCsrf(form, `consent:${challenge}`))) return { seq, error: 'formExpired' };
  const parsed = consentForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { seq, error: 'formExpired' };
  const { intent } = parsed.data;

  // Denying sends the person back to the client with access_denied.
  if (intent === 'reject') {
    const rejected = await attempt(() => rejectConsent(challenge, 'access_denied', en.consent.deniedDescription));
    if (!rejected.ok) return { seq, error: formErrorOf(rejected.problem) };
    redirect(rejected.value);
  }

  // The scopes, audience and subject come from Hydra, never from the form.
  const loaded = await attempt(() => getConsentRequest(challenge));
  if (!loaded.ok) return { seq, error: formErrorOf(loaded.problem) };
  const request = loaded.value;

  // "Not you?": this consent is refused, and Hydra is asked to start again with a sign-in form.
  if (intent === 'switch') {
    const rejected = await attempt(() => rejectConsent(challenge, 'login_required', 'The person chose to sign in with a different account.'));
    if (!rejected.ok) return { seq, error: formErrorOf(rejected.problem) };
    redirect(restartWithLogin(request.requestUrl, appConfig().HYDRA_PUBLIC_URL) ?? rejected.value);
  }

  const user = await findLiveUser(appDb(), request.subject);
  if (!user) {
    const rejected = await attempt(() => rejectConsent(challenge, 'access_denied', 'The signed-in account no longer exists or is disabled.'));
    if (!rejected.ok) return { seq, error: formErrorOf(rejected.problem), userGone: true };
    redirect(rejected.value);
  }

  const grant = grantedScopes(request.requestedScope, form.getAll('grant_scope'));
  if (!grant) return { seq, error: 'formExpired' };
  const remember = { remember: parsed.data.remember === '1', rememberFor: appConfig().REMEMBER_FOR };
  // Hydra issues the authorization code with exactly these scopes and claims.
  const accepted = await attempt(() => acceptConsent(challenge, consentAcceptance(user, grant, request.requestedAudience, remember)));
  if (!accepted.ok) return { seq, error: formErrorOf(accepted.problem) };
  redirect(accepted.value);
});
