'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';
import type { SecretState } from '@/app/admin/clients/actions';
import { SecretOnce } from './secret-once';

export function RotateSecretForm({ action, clientId, csrfToken }: { action: (s: SecretState, f: FormData) => Promise<SecretState>; clientId: string; csrfToken?: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <HiddenFields csrfToken={csrfToken} />
      <input type="hidden" name="clientId" value={clientId} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.secret ? <SecretOnce clientId={clientId} secret={state.secret} /> : null}
      <p className="text-sm text-slate-700 dark:text-slate-300">A new secret replaces the current one at once: the client must be updated with it.</p>
      <div className="sm:max-w-60">
        <Button variant="secondary" id="rotate-secret" disabled={pending}>
          Rotate the secret
        </Button>
      </div>
    </form>
  );
}
