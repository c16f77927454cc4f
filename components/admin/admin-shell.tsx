import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';

type Section = 'overview' | 'clients' | 'users' | 'audit';

/** The operator console's frame; sign-out posts to the account area's action. */
export function AdminShell(props: { brandName: string; email: string; current: Section; signOut: (form: FormData) => Promise<void>; signOutToken?: string; children: ReactNode }) {
  const nav = [
    { href: '/admin', label: 'Overview', current: props.current === 'overview' },
    { href: '/admin/clients', label: 'OAuth2 clients', current: props.current === 'clients' },
    { href: '/admin/users', label: 'Users', current: props.current === 'users' },
    { href: '/admin/audit', label: 'Audit log', current: props.current === 'audit' },
    { href: '/account', label: 'Your account' },
  ];
  const signOut = (
    <form action={props.signOut}>
      <HiddenFields csrfToken={props.signOutToken} />
      <Button variant="link" id="sign-out">Sign out</Button>
    </form>
  );
  return (
    <AppShell brandName={`${props.brandName} · operator console`} nav={nav} userEmail={props.email} signOut={signOut}>
      {props.children}
    </AppShell>
  );
}
