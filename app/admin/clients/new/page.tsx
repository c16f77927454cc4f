import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { CreateClientForm } from '@/components/admin/create-client-form';
import { Section } from '@/components/ui/app-shell';
import { adminPage } from '@/lib/admin-console/page-context';
import { signOut } from '../../../account/actions';
import { createClientAction } from '../actions';

export const metadata: Metadata = { title: 'New OAuth2 client' };

export default async function NewClientPage() {
  const { admin, token, accountToken, brandName } = await adminPage('/admin/clients/new');
  return (
    <AdminShell brandName={brandName} email={admin.email} current="clients" signOut={signOut} signOutToken={accountToken}>
      <h1 className="text-2xl font-semibold tracking-tight">New OAuth2 client</h1>
      <Section title="Client" id="client">
        <CreateClientForm action={createClientAction} csrfToken={token} />
      </Section>
    </AdminShell>
  );
}
