import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ClientIdentity } from '@/components/flow/client-identity';
import { ProblemPage } from '@/components/flow/problem-page';
import { LoginForm } from '@/components/login/login-form';
import { CardPage } from '@/components/ui/card-page';
import { appConfig } from '@/lib/app-config';
import { brand } from '@/lib/branding';
import { appDb } from '@/lib/db/app-connection';
import { acceptLogin, getLoginRequest } from '@/lib/hydra';
import { readChallenge, type SearchParams } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { format } from '@/lib/i18n/format';
import { messagesFor, requestLocale } from '@/lib/i18n/messages';
import { csrfToken } from '@/lib/security/csrf';
import { findLiveUser } from '@/lib/users/live-user';
import { signIn } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await requestLocale()).login.title };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const challenge = readChallenge(await searchParams, 'login_challenge');
  const retryHref = challenge ? `/login?login_challenge=${encodeURIComponent(challenge)}` : undefined;
  if (!challenge) return <ProblemPage problem="missing" />;

  // Hydra sends the browser here with a login challenge; its login request says who asks and why.
  const loaded = await attempt(() => getLoginRequest(challenge));
  if (!loaded.ok) return <ProblemPage problem={loaded.problem} retryHref={retryHref} />;
  const request = loaded.value;

  // Hydra already knows this person (remembered session): accept with that subject, no UI, as long
  // as the account is still usable. Hydra then continues with consent.
  if (request.skip && (await findLiveUser(appDb(), request.subject))) {
    const accepted = await attempt(() =>
      acceptLogin(challenge, { subject: request.subject, remember: true, rememberFor: appConfig().REMEMBER_FOR, acr: '0', amr: ['pwd'], context: { login_method: 'session' } }),
    );
    if (accepted.ok) redirect(accepted.value);
    return <ProblemPage problem={accepted.problem} uiLocales={request.uiLocales} retryHref={retryHref} />;
  }

  const locale = await requestLocale(request.uiLocales);
  const m = messagesFor(locale);
  const b = brand();
  const registrationHref = `/registration?login_challenge=${encodeURIComponent(challenge)}`;
  return (
    <CardPage title={m.login.title} brandName={b.name} logoUrl={b.logoUrl} lang={locale}>
      <div className="mb-6 space-y-3">
        <ClientIdentity client={request.client} />
        <p className="text-slate-700 dark:text-slate-300">{format(m.login.pleaseLogIn, { client: request.client.name })}</p>
      </div>
      <LoginForm action={signIn} challenge={challenge} csrfToken={await csrfToken(`login:${challenge}`)} loginHint={request.loginHint} m={m} />
      {appConfig().REGISTRATION_ENABLED ? (
        <p className="mt-6 border-t border-slate-200 pt-5 text-center text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300">
          {m.login.noAccount}{' '}
          <a href={registrationHref} className="font-medium text-slate-900 underline underline-offset-4 dark:text-white">
            {m.login.createAccount}
          </a>
        </p>
      ) : null}
    </CardPage>
  );
}
