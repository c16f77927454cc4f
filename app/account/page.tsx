import type { Metadata } from 'next';
import { ACCOUNT_ERRORS, ACCOUNT_NOTICES } from '@/components/account/messages';
import { AppShell, Notice, Section } from '@/components/ui/app-shell';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { TextField } from '@/components/ui/text-field';
import { appConfig } from '@/lib/app-config';
import { appClient } from '@/lib/auth/app-client';
import { SIGNED_IN_CSRF_BINDING } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { brand } from '@/lib/branding';
import { listConnectedApps, type ConnectedApp } from '@/lib/hydra/account-sessions';
import { en } from '@/lib/i18n/en';
import { describeScope } from '@/lib/scopes/describe-scope';
import { csrfToken } from '@/lib/security/csrf';
import { changePassword, removeAccess, saveProfile, signOut, signOutEverywhere } from './actions';

export const metadata: Metadata = { title: 'Your account' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser('/account');
  const params = await searchParams;
  const [token, allApps] = await Promise.all([csrfToken(SIGNED_IN_CSRF_BINDING), listConnectedApps(user.id).catch(() => undefined)]);
  // This account area is itself a client; removing its own access here would only sign the person out.
  const ownClientId = appClient(appConfig()).clientId;
  const apps = allApps?.filter((app) => app.client.id !== ownClientId);
  const notice = typeof params.notice === 'string' ? ACCOUNT_NOTICES[params.notice] : undefined;
  const error = typeof params.error === 'string' ? ACCOUNT_ERRORS[params.error] : undefined;
  const nav = [{ href: '/account', label: 'Account', current: true }, ...(user.role === 'admin' ? [{ href: '/admin', label: 'Operator console' }] : [])];
  const signOutForm = (
    <form action={signOut}>
      <HiddenFields csrfToken={token} />
      <Button variant="link" id="sign-out">Sign out</Button>
    </form>
  );

  return (
    <AppShell brandName={brand().name} nav={nav} userEmail={user.email} signOut={signOutForm}>
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      {notice ? <Notice tone="ok">{notice}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}

      <Section title="Profile" id="profile">
        <form action={saveProfile} className="grid gap-4 sm:grid-cols-2">
          <HiddenFields csrfToken={token} />
          <div className="sm:col-span-2">
            <TextField id="profile-email" label="E-mail address" value={user.email} readOnly disabled hint="Your e-mail address is how you sign in; it cannot be changed here." />
          </div>
          <TextField id="name" name="name" label="Full name" defaultValue={user.name ?? ''} autoComplete="name" />
          <TextField id="givenName" name="givenName" label="Given name" defaultValue={user.givenName ?? ''} autoComplete="given-name" />
          <TextField id="familyName" name="familyName" label="Family name" defaultValue={user.familyName ?? ''} autoComplete="family-name" />
          <TextField id="phoneNumber" name="phoneNumber" label="Phone number" type="tel" defaultValue={user.phoneNumber ?? ''} autoComplete="tel" />
          <TextField id="locale" name="locale" label="Language" defaultValue={user.locale ?? ''} hint="For example en or de-DE." />
          <TextField id="picture" name="picture" label="Picture address" type="url" defaultValue={user.picture ?? ''} hint="An https:// address of an image." />
          <div className="sm:col-span-2 sm:max-w-48">
            <Button id="save-profile">Save profile</Button>
          </div>
        </form>
      </Section>

      <Section title="Password" id="password-section">
        <form action={changePassword} className="grid gap-4 sm:max-w-md">
          <HiddenFields csrfToken={token} />
          <TextField id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required />
          <TextField id="newPassword" name="newPassword" type="password" label="New password" autoComplete="new-password" required minLength={8} hint="At least 8 characters. Long passphrases are welcome." />
          <div className="sm:max-w-48">
            <Button id="change-password">Change password</Button>
          </div>
        </form>
      </Section>

      <Section title="Connected apps" id="connected-apps">
        <ConnectedApps apps={apps} token={token} />
      </Section>

      <Section title="Sessions" id="sessions">
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">Sign out of this account in every browser and on every device where you are signed in.</p>
        <form action={signOutEverywhere} className="sm:max-w-60">
          <HiddenFields csrfToken={token} />
          <Button variant="secondary" id="sign-out-everywhere">Sign out everywhere</Button>
        </form>
      </Section>
    </AppShell>
  );
}

function ConnectedApps({ apps, token }: { apps: ConnectedApp[] | undefined; token: string | undefined }) {
  if (!apps) return <Notice tone="error">Your connected apps cannot be shown right now. Please try again in a moment.</Notice>;
  if (apps.length === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">No application has access to your account.</p>;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {apps.map((app) => (
        <li key={app.client.id} className="flex flex-wrap items-start gap-4 py-4" data-client-id={app.client.id}>
          {app.client.logoUri ? <img src={app.client.logoUri} alt="" className="h-10 w-10 rounded" /> : null}
          <div className="min-w-0 flex-1">
            <p className="font-medium">{app.client.name}</p>
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
              {[...new Set(app.grantedScope.map((scope) => describeScope(scope, en).label))].map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
            {app.grantedAt ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Allowed on {app.grantedAt.toUTCString()}</p> : null}
          </div>
          <form action={removeAccess}>
            <HiddenFields csrfToken={token} />
            <input type="hidden" name="clientId" value={app.client.id} />
            <Button variant="secondary" className="!w-auto" aria-label={`Remove access of ${app.client.name}`}>
              Remove access
            </Button>
          </form>
        </li>
      ))}
    </ul>
  );
}
