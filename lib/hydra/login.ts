// Hydra's login request: read it, accept it with the signed-in subject, or reject it.
import { hydraAdmin } from './admin-client';
import { hydraCall, redirectTarget } from './errors';
import { toClientInfo, uiLocalesOf, type LoginRequest } from './types';

export async function getLoginRequest(challenge: string): Promise<LoginRequest> {
  const r = await hydraCall(() => hydraAdmin().getOAuth2LoginRequest({ loginChallenge: challenge }));
  return {
    challenge: r.challenge,
    skip: r.skip === true,
    subject: r.subject ?? '',
    client: toClientInfo(r.client),
    requestedScope: r.requested_scope ?? [],
    loginHint: r.oidc_context?.login_hint || undefined,
    uiLocales: uiLocalesOf(r.oidc_context),
  };
}

export type LoginAcceptance = {
  subject: string;
  remember: boolean;
  rememberFor: number;
  acr: string;
  amr: string[];
  context: Record<string, unknown>;
};

/** Returns Hydra's redirect_to: back to Hydra, which continues with consent. */
export async function acceptLogin(challenge: string, a: LoginAcceptance): Promise<string> {
  const body = { subject: a.subject, remember: a.remember, remember_for: a.rememberFor, acr: a.acr, amr: a.amr, context: a.context };
  return redirectTarget(await hydraCall(() => hydraAdmin().acceptOAuth2LoginRequest({ loginChallenge: challenge, acceptOAuth2LoginRequest: body })));
}

/** Returns Hydra's redirect_to: back to the client with the error. */
export async function rejectLogin(challenge: string, error: string, description: string): Promise<string> {
  const body = { error, error_description: description };
  return redirectTarget(await hydraCall(() => hydraAdmin().rejectOAuth2LoginRequest({ loginChallenge: challenge, rejectOAuth2Request: body })));
}
