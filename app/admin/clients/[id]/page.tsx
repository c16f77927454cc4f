import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { ClientFields } from '@/components/admin/client-fields';
import { RotateSecretForm } from '@/components/admin/rotate-secret-form';
import { Notice, Section } from '@/components/ui/app-shell';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { adminPage, param } from '@/lib/admin-console/page-context';
import { AdminApiError } from '@/lib/hydra/admin-errors';
import { getClient } from '@/lib/hydra/clients-admin';
import { signOut } from '../../../account/actions';
import { deleteClientAction, rotateSecretAction, updateClientAction } from '../actions';

export const metadata: Metadata = { title: 'OAuth2 client' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { admin, token, accountToken, brandName } = await adminPage(`/admin/clients/${encodeURIComponent(id)}`);
  const query = await searchParams;
  const client = await getClient(id).catch((err: unknown) => {
    if (err instanceof AdminApiError && err.status === 404) notFound();
    throw err;
  });
  const error = param(query.error);
  return (
    <AdminShell brandName={brandName} email={admin.email} current="clients" signOut={signOut} signOutToken={accountToken}>
      <h1 className="text-2xl font-semibold tracking-tight">{client.client_name || client.client_id}</h1>
      {query.notice === 'saved' ? <Notice tone="ok">The client was saved.</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Section title="Settings" id="settings">
        <form action={updateClientAction} className="space-y-6">
          <HiddenFields csrfToken={token} />
          <input type="hidden" name="clientId" value={id} />
          <ClientFields client={client} />
          <div className="sm:max-w-48">
            <Button id="save-client">Save</Button>
          </div>
        </form>
      </Section>
      {client.token_endpoint_auth_method !== 'none' ? (
        <Section title="Secret" id="secret">
          <RotateSecretForm action={rotateSecretAction} clientId={id} csrfToken={token} />
        </Section>
      ) : null}
      <Section title="As JSON" id="json">
        <pre className="max-h-96 overflow-auto rounded-lg bg-slate-100 p-4 font-mono text-xs dark:bg-slate-950" id="client-json" tabIndex={0}>
          {JSON.stringify(client, null, 2)}
        </pre>
      </Section>
      <Section title="Delete" id="delete">
        <form action={deleteClientAction} className="space-y-4">
          <HiddenFields csrfToken={token} />
          <input type="hidden" name="clientId" value={id} />
          <Checkbox id="confirm" name="confirm" label="I understand: the client and all its tokens stop working at once." />
          <div className="sm:max-w-60">
            <Button variant="secondary" id="delete-client">Delete this client</Button>
          </div>
        </form>
      </Section>
    </AdminShell>
  );
}
