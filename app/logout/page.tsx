import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ProblemCard } from '@/components/flow/problem-card';
import { ProblemPage } from '@/components/flow/problem-page';
import { LogoutPanel } from '@/components/logout/logout-panel';
import { brand } from '@/lib/branding';
import { acceptLogout, getLogoutRequest } from '@/lib/hydra';
import { readChallenge, type SearchParams } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { format } from '@/lib/i18n/format';
import { messagesFor, requestLocale } from '@/lib/i18n/messages';
import { csrfToken } from '@/lib/security/csrf';
import { decideLogout } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await requestLocale()).logout.title };
}

export default async function LogoutPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const challenge = readChallenge(await searchParams, 'logout_challenge');
  if (!challenge) return <ProblemPage problem="missing" />;
  const retryHref = `/logout?logout_challenge=${encodeURIComponent(challenge)}`;
  const locale = await requestLocale();
  const m = messagesFor(locale);
  const b = brand();

  // Hydra sends the browser here when an application (or Hydra itself) asks to end the session.
  const loaded = await attempt(() => getLogoutRequest(challenge));
  const request = loaded.ok ? loaded.value : undefined;

  // A client trusted to skip the question: sign out at once.
  if (request?.client?.skipLogoutConsent) {
    const accepted = await attempt(() => acceptLogout(challenge));
    if (accepted.ok) redirect(accepted.value);
    return <ProblemPage problem={accepted.problem} retryHref={retryHref} />;
  }

  // The panel keeps the page when the request cannot be read: after "No", the action's answer
  // ("you are still signed in") replaces whatever the request now looks like.
  const fallback = loaded.ok ? undefined : <ProblemCard problem={loaded.problem} m={m} lang={locale} brand={b} retryHref={retryHref} />;
  const question = request?.client ? format(m.logout.questionClient, { client: request.client.name }) : m.logout.question;
  return (
    <LogoutPanel
      action={decideLogout}
      challenge={challenge}
      csrfToken={await csrfToken(`logout:${challenge}`)}
      question={question}
      m={m}
      lang={locale}
      brand={{ name: b.name, logoUrl: b.logoUrl }}
      fallback={fallback}
    />
  );
}
