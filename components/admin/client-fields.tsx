import type { OAuth2Client } from '@ory/client';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/text-field';

const GRANT_TYPES = [
  ['authorization_code', 'Authorization code (sign-in through a browser)'],
  ['refresh_token', 'Refresh token'],
  ['client_credentials', 'Client credentials (machine to machine)'],
] as const;

const AUTH_METHODS = [
  ['client_secret_basic', 'Secret in the Authorization header (client_secret_basic)'],
  ['client_secret_post', 'Secret in the form body (client_secret_post)'],
  ['private_key_jwt', 'Signed JWT (private_key_jwt)'],
  ['none', 'None: a public client with PKCE (none)'],
] as const;

function TextArea({ id, label, hint, defaultValue }: { id: string; label: string; hint: string; defaultValue: string }) {
  return (
    <div className="space-y-1.5 sm:col-span-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <textarea id={id} name={id} rows={3} defaultValue={defaultValue} aria-describedby={`${id}-hint`} className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100" />
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {hint}
      </p>
    </div>
  );
}

/** The fields of a client, shared by the create and edit forms. */
export function ClientFields({ client }: { client?: OAuth2Client }) {
  const grants = new Set(client?.grant_types ?? ['authorization_code', 'refresh_token']);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField id="client_name" name="client_name" label="Name" required defaultValue={client?.client_name ?? ''} />
      <TextField id="scope" name="scope" label="Scopes" defaultValue={client?.scope ?? 'openid offline_access profile email'} hint="Space-separated." />
      <TextArea id="redirect_uris" label="Redirect URIs" hint="One per line." defaultValue={(client?.redirect_uris ?? []).join('\n')} />
      <TextArea id="post_logout_redirect_uris" label="Post-logout redirect URIs" hint="One per line; each must share scheme, host and port with a redirect URI." defaultValue={(client?.post_logout_redirect_uris ?? []).join('\n')} />
      <TextArea id="audience" label="Audiences" hint="One per line: the APIs this client may request tokens for." defaultValue={(client?.audience ?? []).join('\n')} />
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Grant types</legend>
        {GRANT_TYPES.map(([value, label]) => (
          <Checkbox key={value} id={`grant-${value}`} name="grant_types" value={value} label={label} defaultChecked={grants.has(value)} />
        ))}
      </fieldset>
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="token_endpoint_auth_method" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Client authentication
        </label>
        <select id="token_endpoint_auth_method" name="token_endpoint_auth_method" defaultValue={client?.token_endpoint_auth_method ?? 'client_secret_basic'} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-950">
          {AUTH_METHODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextField id="client_uri" name="client_uri" label="Home page" type="url" defaultValue={client?.client_uri ?? ''} />
      <TextField id="logo_uri" name="logo_uri" label="Logo address" type="url" defaultValue={client?.logo_uri ?? ''} />
      <div className="sm:col-span-2">
        <Checkbox id="skip_consent" name="skip_consent" label="First-party client: skip the consent screen" defaultChecked={client?.skip_consent === true} />
      </div>
    </div>
  );
}
