import type { Metadata } from 'next';
import { ProblemPage } from '@/components/flow/problem-page';
import { RegistrationForm } from '@/components/registration/registration-form';
import { CardPage } from '@/components/ui/card-page';
import { appConfig } from '@/lib/app-config';
import { brand } from '@/lib/branding';
import { getLoginRequest } from '@/lib/hydra';
import { readChallenge, type SearchParams } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { format } from '@/lib/i18n/format';
import { messagesFor, requestLocale } from '@/lib/i18n/messages';
import { csrfToken } from '@/lib/security/csrf';
import { register } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await requestLocale()).registration.title };
}

// Reached from the login page's link, or from Hydra's prompt=registration (URLS_REGISTRATION), in
// both cases usually with the login challenge so the person signs in right after signing up.
export default async function RegistrationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const challenge = readChallenge(params, 'login_challenge');
  const b = brand();
  if (!appConfig().REGISTRATION_ENABLED) {
    const m = messagesFor(await requestLocale());
    return (
      <CardPage title={m.registration.closedTitle} brandName={b.name} logoUrl={b.logoUrl}>
        <p className="text-slate-700 dark:text-slate-300">{m.registration.closedBody}</p>
      </CardPage>
    );
  }

  // A challenge that is no longer valid would fail after sign-up; say so before anything is typed.
  let uiLocales: string[] | undefined;
  if (params.login_challenge !== undefined) {
    if (!challenge) return <ProblemPage problem="invalid" />;
    const loaded = await attempt(() => getLoginRequest(challenge));
    if (!loaded.ok) return <ProblemPage problem={loaded.problem} retryHref={`/registration?login_challenge=${encodeURIComponent(challenge)}`} />;
    uiLocales = loaded.value.uiLocales;
  }

  const locale = await requestLocale(uiLocales);
  const m = messagesFor(locale);
  return (
    <CardPage title={m.registration.title} brandName={b.name} logoUrl={b.logoUrl} lang={locale}>
      <p className="mb-6 text-slate-700 dark:text-slate-300">{format(m.registration.lead, { brand: b.name })}</p>
      <RegistrationForm
        action={register}
        challenge={challenge}
        csrfToken={await csrfToken(`registration:${challenge ?? ''}`)}
        signInHref={challenge ? `/login?login_challenge=${encodeURIComponent(challenge)}` : undefined}
        doneText={format(m.registration.doneBody, { brand: b.name })}
        m={m}
      />
    </CardPage>
  );
}
