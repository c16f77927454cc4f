// The app's own view of Hydra's requests: only what the pages use, with absent fields normalised.
import type { OAuth2Client, OAuth2ConsentRequestOpenIDConnectContext } from '@ory/client';

export type ClientInfo = {
  id: string;
  /** client_name, or the client_id when the client has no name. */
  name: string;
  logoUri?: string;
  clientUri?: string;
  policyUri?: string;
  tosUri?: string;
  skipConsent: boolean;
  skipLogoutConsent: boolean;
};

export type LoginRequest = {
  challenge: string;
  skip: boolean;
  subject: string;
  client: ClientInfo;
  requestedScope: string[];
  loginHint?: string;
  uiLocales: string[];
};

export type ConsentRequest = {
  challenge: string;
  skip: boolean;
  subject?: string;
  client: ClientInfo;
  requestedScope: string[];
  requestedAudience: string[];
  uiLocales: string[];
  requestUrl?: string;
};

export type LogoutRequest = {
  challenge: string;
  subject?: string;
  /** Null when the logout was started by Hydra itself rather than by an application. */
  client: ClientInfo | null;
};

/** Only http(s) links are shown; anything else a client registered (javascript:, data:) is dropped. */
function safeLink(value: string | undefined): string | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  return /^https?:$/.test(new URL(value).protocol) ? value : undefined;
}

export function toClientInfo(client: OAuth2Client | undefined): ClientInfo {
  const id = client?.client_id ?? '';
  return {
    id,
    name: client?.client_name?.trim() || id,
    logoUri: safeLink(client?.logo_uri),
    clientUri: safeLink(client?.client_uri),
    policyUri: safeLink(client?.policy_uri),
    tosUri: safeLink(client?.tos_uri),
    skipConsent: client?.skip_consent === true,
    skipLogoutConsent: client?.skip_logout_consent === true,
  };
}

export function uiLocalesOf(context: OAuth2ConsentRequestOpenIDConnectContext | undefined): string[] {
  return (context?.ui_locales ?? []).flatMap((l) => l.split(' ')).filter(Boolean);
}
