// Hydra's OAuth2 client flags and the client document fields they set. Only flags given on the
// command line produce fields, so `update` can send a JSON Patch of exactly what changed.
import fs from 'node:fs';
import type { Flags, Options } from './command';
import { UsageError } from './errors';
import { note } from './output';

const STRING_FIELDS: Record<string, string> = {
  name: 'client_name',
  'token-endpoint-auth-method': 'token_endpoint_auth_method',
  'jwks-uri': 'jwks_uri',
  'access-token-strategy': 'access_token_strategy',
  'logo-uri': 'logo_uri',
  'policy-uri': 'policy_uri',
  'tos-uri': 'tos_uri',
  'client-uri': 'client_uri',
  owner: 'owner',
  'subject-type': 'subject_type',
  'sector-identifier-uri': 'sector_identifier_uri',
  'frontchannel-logout-callback': 'frontchannel_logout_uri',
  'backchannel-logout-callback': 'backchannel_logout_uri',
};

const LIST_FIELDS: Record<string, string> = {
  'grant-type': 'grant_types',
  'response-type': 'response_types',
  audience: 'audience',
  'redirect-uri': 'redirect_uris',
  'post-logout-callback': 'post_logout_redirect_uris',
  contact: 'contacts',
  'allowed-cors-origin': 'allowed_cors_origins',
  'request-uri': 'request_uris',
};

const BOOLEAN_FIELDS: Record<string, string> = {
  'skip-consent': 'skip_consent',
  'skip-logout-consent': 'skip_logout_consent',
  'frontchannel-logout-session-required': 'frontchannel_logout_session_required',
  'backchannel-logout-session-required': 'backchannel_logout_session_required',
};

export const CLIENT_OPTIONS: Options = {
  ...Object.fromEntries(Object.keys(STRING_FIELDS).map((f) => [f, { type: 'string' }])),
  ...Object.fromEntries(Object.keys(LIST_FIELDS).map((f) => [f, { type: 'string', multiple: true }])),
  ...Object.fromEntries(Object.keys(BOOLEAN_FIELDS).flatMap((f) => [[f, { type: 'boolean' }], [`no-${f}`, { type: 'boolean' }]])),
  scope: { type: 'string', multiple: true },
  metadata: { type: 'string' },
  secret: { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  'secret-file': { type: 'string' },
};

export const CLIENT_FLAGS_HELP = `      --name NAME                       client_name
      --secret SECRET                   client_secret (prefer --secret-stdin or --secret-file)
      --secret-stdin                    read the secret from standard input
      --secret-file FILE                read the secret from a file
      --grant-type TYPE,...             grant_types (create default: authorization_code)
      --response-type TYPE,...          response_types (create default: code)
      --scope SCOPE,...                 scope the client may request
      --audience AUD,...                audience the client may request
      --redirect-uri URI,...            redirect_uris
      --post-logout-callback URI,...    post_logout_redirect_uris
      --token-endpoint-auth-method M    client_secret_basic (default), client_secret_post, private_key_jwt or none
      --jwks-uri URI                    jwks_uri for private_key_jwt
      --skip-consent, --no-skip-consent             skip_consent
      --skip-logout-consent, --no-skip-logout-consent skip_logout_consent
      --access-token-strategy S         opaque or jwt
      --logo-uri, --policy-uri, --tos-uri, --client-uri URI
      --metadata JSON                   metadata (a JSON object)
      --owner OWNER                     owner
      --contact CONTACT,...             contacts
      --subject-type, --sector-identifier-uri, --allowed-cors-origin, --request-uri,
      --frontchannel-logout-callback, --backchannel-logout-callback and their --*-session-required
List flags may be repeated or comma-separated.`;

function readSecret(flags: Flags): string | undefined {
  const sources = ['secret', 'secret-stdin', 'secret-file'].filter((f) => flags.has(f));
  if (sources.length > 1) throw new UsageError(`use only one of --${sources.join(', --')}`);
  if (flags.has('secret')) {
    note('Warning: a secret passed with --secret is visible in the process list and shell history; prefer --secret-stdin or --secret-file.');
    return flags.string('secret');
  }
  const file = flags.bool('secret-stdin') ? 0 : flags.string('secret-file');
  if (file === undefined) return undefined;
  try {
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    throw new UsageError(`cannot read the secret from ${file === 0 ? 'standard input' : file}: ${(err as Error).message}`);
  }
}

/** The client fields set by the flags on this command line, and nothing else. */
export function clientFieldsFromFlags(flags: Flags): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(STRING_FIELDS)) if (flags.has(flag)) fields[field] = flags.string(flag);
  for (const [flag, field] of Object.entries(LIST_FIELDS)) if (flags.has(flag)) fields[field] = flags.list(flag);
  for (const [flag, field] of Object.entries(BOOLEAN_FIELDS)) {
    if (flags.bool(flag) && flags.bool(`no-${flag}`)) throw new UsageError(`use either --${flag} or --no-${flag}`);
    if (flags.bool(flag)) fields[field] = true;
    if (flags.bool(`no-${flag}`)) fields[field] = false;
  }
  if (flags.has('scope')) fields.scope = flags.list('scope')!.flatMap((s) => s.split(' ')).filter(Boolean).join(' ');
  if (flags.has('metadata')) {
    let metadata: unknown;
    try {
      metadata = JSON.parse(flags.string('metadata')!);
    } catch {
      metadata = undefined;
    }
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) throw new UsageError('--metadata expects a JSON object');
    fields.metadata = metadata;
  }
  const secret = readSecret(flags);
  if (secret !== undefined) fields.client_secret = secret;
  return fields;
}
