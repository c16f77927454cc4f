import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ConsentForm } from '@/components/consent/consent-form';
import { ClientLinks } from '@/components/consent/client-links';
import { ClientIdentity } from '@/components/flow/client-identity';
import { ProblemPage } from '@/components/flow/problem-page';
import { CardPage } from '@/components/ui/card-page';
import { brand } from '@/lib/branding';
import { appDb } from '@/lib/db/app-connection';
import { acceptConsent, getConsentRequest, rejectConsent } from '@/lib/hydra';
import { readChallenge, type SearchParams } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { messagesFor, requestLocale } from '@/lib/i18n/messages';
import { consentAcceptance } from '@/lib/scopes/consent-grant';
import { describeScope } from '@/lib/scopes/describe-scope';
import { csrfToken } from '@/lib/security/csrf';
import { findLiveUser } from '@/lib/users/live-user';
import { decideConsent } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await requestLocale()).consent.title };
}

export default async function ConsentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const challenge = readChallenge(await searchParams, 'consent_challenge');
  if (!challenge) return <ProblemPage problem="missing" />;
  const retryHref = `/consent?consent_challenge=${encodeURIComponent(challenge)}`;

  // Hydra sends the browser here after login; the consent request says which client wants which scopes.
  const loaded = await attempt(() => getConsentRequest(challenge));
  if (!loaded.ok) return <ProblemPage problem={loaded.problem} retryHref={retryHref} />;
  const request = loaded.value;

  // Only a live, enabled account may be granted anything; otherwise the client gets access_denied.
  const user = await findLiveUser(appDb(), request.subject);
  if (!user) {
    const rejected = await attempt(() => rejectConsent(challenge, 'access_denied', 'The signed-in account no longer exists or is disabled.'));
    if (rejected.ok) redirect(rejected.value);
    return <ProblemPage problem={rejected.problem} uiLocales={request.uiLocales} retryHref={retryHref} />;
  }

  // Consent remembered by Hydra, or a first-party client that skips consent: grant what was asked.
  if (request.skip || request.client.skipConsent) {
    const grant = consentAcceptance(user, request.requestedScope, request.requestedAudience, { remember: false, rememberFor: 0 });
    const accepted = await attempt(() => acceptConsent(challenge, grant));
    if (accepted.ok) redirect(accepted.value);
    return <ProblemPage problem={accepted.problem} uiLocales={request.uiLocales} retryHref={retryHref} />;
  }

  const locale = await requestLocale(request.uiLocales);
  const m = messagesFor(locale);
  const b = brand();
  return (
    <CardPage title={m.consent.title} brandName={b.name} logoUrl={b.logoUrl} lang={locale}>
      <div className="mb-6 space-y-3">
        <p className="text-slate-700 dark:text-slate-300">{m.consent.lead}</p>
        <ClientIdentity client={request.client} />
        <ClientLinks client={request.client} m={m} />
      </div>
      <ConsentForm
        action={decideConsent}
        challenge={challenge}
        csrfToken={await csrfToken(`consent:${challenge}`)}
        clientName={request.client.name}
        userLabel={user.name ? `${user.name} (${user.email})` : user.email}
        scopes={request.requestedScope.map((s) => describeScope(s, m))}
        m={m}
      />
    </CardPage>
  );
}
