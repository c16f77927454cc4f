// Hydra's consent request: read it, accept it with the granted scopes and claims, or reject it.
import { hydraAdmin } from './admin-client';
import { hydraCall, redirectTarget } from './errors';
import { toClientInfo, uiLocalesOf, type ConsentRequest } from './types';

export async function getConsentRequest(challenge: string): Promise<ConsentRequest> {
  const r = await hydraCall(() => hydraAdmin().getOAuth2ConsentRequest({ consentChallenge: challenge }));
  return {
    challenge: r.challenge,
    skip: r.skip === true,
    subject: r.subject || undefined,
    client: toClientInfo(r.client),
    requestedScope: r.requested_scope ?? [],
    requestedAudience: r.requested_access_token_audience ?? [],
    uiLocales: uiLocalesOf(r.oidc_context),
    requestUrl: r.request_url || undefined,
  };
}

export type ConsentAcceptance = {
  grantScope: string[];
  grantAudience: string[];
  remember: boolean;
  rememberFor: number;
  idToken: Record<string, unknown>;
};

/** Returns Hydra's redirect_to: back to Hydra, which issues the code to the client. */
export async function acceptConsent(challenge: string, a: ConsentAcceptance): Promise<string> {
  const body = {
    grant_scope: a.grantScope,
    grant_access_token_audience: a.grantAudience,
    remember: a.remember,
    remember_for: a.rememberFor,
    session: { id_token: a.idToken },
  };
  return redirectTarget(await hydraCall(() => hydraAdmin().acceptOAuth2ConsentRequest({ consentChallenge: challenge, acceptOAuth2ConsentRequest: body })));
}

export async function rejectConsent(challenge: string, error: string, description: string): Promise<string> {
  const body = { error, error_description: description };
  return redirectTarget(await hydraCall(() => hydraAdmin().rejectOAuth2ConsentRequest({ consentChallenge: challenge, rejectOAuth2Request: body })));
}
