// The operator console's client form: one zod schema from form fields to Hydra's client document.
import { z } from 'zod';

const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as const;

const lines = z
  .string()
  .default('')
  .transform((v) => v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean));

export const clientFormSchema = z
  .object({
    client_name: z.string().trim().min(1, 'Give the client a name.').max(200),
    redirect_uris: lines.pipe(z.array(z.url('Each redirect URI must be an absolute URL.'))),
    post_logout_redirect_uris: lines.pipe(z.array(z.url('Each post-logout URI must be an absolute URL.'))),
    audience: lines,
    scope: z.string().trim().max(2000).default('openid offline_access'),
    grant_types: z.array(z.enum(GRANT_TYPES)).min(1, 'Choose at least one grant type.'),
    token_endpoint_auth_method: z.enum(AUTH_METHODS),
    skip_consent: z.boolean(),
    client_uri: z.union([z.literal(''), z.url()]).default(''),
    logo_uri: z.union([z.literal(''), z.url()]).default(''),
  })
  .refine((c) => !c.grant_types.includes('authorization_code') || c.redirect_uris.length > 0, {
    message: 'The authorization code grant needs at least one redirect URI.',
  });

export type ClientForm = z.infer<typeof clientFormSchema>;

export function readClientForm(form: FormData) {
  const parsed = clientFormSchema.safeParse({
    client_name: form.get('client_name') ?? '',
    redirect_uris: form.get('redirect_uris') ?? '',
    post_logout_redirect_uris: form.get('post_logout_redirect_uris') ?? '',
    audience: form.get('audience') ?? '',
    scope: form.get('scope') ?? '',
    grant_types: form.getAll('grant_types'),
    token_endpoint_auth_method: form.get('token_endpoint_auth_method') ?? 'client_secret_basic',
    skip_consent: form.get('skip_consent') === 'on',
    client_uri: form.get('client_uri') ?? '',
    logo_uri: form.get('logo_uri') ?? '',
  });
  if (parsed.success) {
    const c = parsed.data;
    // An empty scope field leaves the scope to the server's default rather than sending "".
    const { scope, ...rest } = c;
    return { ok: true as const, client: { ...rest, ...(scope ? { scope } : {}), response_types: c.grant_types.includes('authorization_code') ? ['code'] : [] } };
  }
  return { ok: false as const, error: parsed.error.issues[0]?.message ?? 'Some fields are not valid.' };
}

export { AUTH_METHODS, GRANT_TYPES };
