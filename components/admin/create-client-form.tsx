'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';
import type { SecretState } from '@/app/admin/clients/actions';
import { ClientFields } from './client-fields';
import { SecretOnce } from './secret-once';

export function CreateClientForm({ action, csrfToken }: { action: (s: SecretState, f: FormData) => Promise<SecretState>; csrfToken?: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.clientId) {
    return (
      <div className="space-y-4">
        <SecretOnce clientId={state.clientId} secret={state.secret} />
        <a className="font-medium underline underline-offset-4" href={`/admin/clients/${encodeURIComponent(state.clientId)}`}>
          Open the client
        </a>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-6">
      <HiddenFields csrfToken={csrfToken} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      <ClientFields />
      <div className="sm:max-w-48">
        <Button id="create-client" disabled={pending}>
          Create client
        </Button>
      </div>
    </form>
  );
}
