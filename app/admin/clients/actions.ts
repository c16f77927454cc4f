'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { readClientForm } from '@/lib/admin-console/client-form';
import { generateSecret } from '@/lib/admin-console/secrets';
import { recordAudit } from '@/lib/audit/audit-log';
import { ActionRefused, authorizeAction, SIGNED_IN_CSRF_BINDING } from '@/lib/auth/guard';
import { appDb } from '@/lib/db/app-connection';
import { AdminApiError } from '@/lib/hydra/admin-errors';
import { createClient, deleteClient, rotateClientSecret, updateClient } from '@/lib/hydra/clients-admin';

export type SecretState = { error?: string; clientId?: string; secret?: string };

const clientId = z.string().min(1).max(255);

function failure(err: unknown): string {
  if (err instanceof ActionRefused) return err.reason === 'forbidden' ? 'Only operators may do this.' : 'The page had expired. Please try again.';
  if (err instanceof AdminApiError) return err.message;
  return 'Something went wrong. Please try again.';
}

export async function createClientAction(_state: SecretState, form: FormData): Promise<SecretState> {
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const parsed = readClientForm(form);
    if (!parsed.ok) return { error: parsed.error };
    const isPublic = parsed.client.token_endpoint_auth_method === 'none';
    const secret = isPublic ? undefined : generateSecret();
    const created = await createClient({ ...parsed.client, ...(secret ? { client_secret: secret } : {}) });
    await recordAudit(appDb(), { actor: admin.email, action: 'client.create', target: created.client_id ?? '' });
    return { clientId: created.client_id, secret };
  } catch (err) {
    return { error: failure(err) };
  }
}

export async function rotateSecretAction(_state: SecretState, form: FormData): Promise<SecretState> {
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const id = clientId.parse(form.get('clientId'));
    const secret = generateSecret();
    await rotateClientSecret(id, secret);
    await recordAudit(appDb(), { actor: admin.email, action: 'client.rotate-secret', target: id });
    return { clientId: id, secret };
  } catch (err) {
    return { error: failure(err) };
  }
}

export async function updateClientAction(form: FormData): Promise<void> {
  const id = clientId.safeParse(form.get('clientId'));
  if (!id.success) redirect('/admin/clients');
  let outcome = 'notice=saved';
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    const parsed = readClientForm(form);
    if (!parsed.ok) outcome = `error=${encodeURIComponent(parsed.error)}`;
    else {
      await updateClient(id.data, parsed.client);
      await recordAudit(appDb(), { actor: admin.email, action: 'client.update', target: id.data });
    }
  } catch (err) {
    outcome = `error=${encodeURIComponent(failure(err))}`;
  }
  redirect(`/admin/clients/${encodeURIComponent(id.data)}?${outcome}`);
}

export async function deleteClientAction(form: FormData): Promise<void> {
  const id = clientId.safeParse(form.get('clientId'));
  if (!id.success) redirect('/admin/clients');
  let target = `/admin/clients?notice=deleted`;
  try {
    const admin = await authorizeAction(form, SIGNED_IN_CSRF_BINDING, 'admin');
    if (form.get('confirm') !== 'on') target = `/admin/clients/${encodeURIComponent(id.data)}?error=${encodeURIComponent('Tick the box to confirm the deletion.')}`;
    else {
      await deleteClient(id.data);
      await recordAudit(appDb(), { actor: admin.email, action: 'client.delete', target: id.data });
    }
  } catch (err) {
    target = `/admin/clients/${encodeURIComponent(id.data)}?error=${encodeURIComponent(failure(err))}`;
  }
  redirect(target);
}
