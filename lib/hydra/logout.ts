// Hydra's logout request: read it, accept it (Hydra ends the session), or reject it (nothing happens).
import { hydraAdmin } from './admin-client';
import { hydraCall, redirectTarget } from './errors';
import { toClientInfo, type LogoutRequest } from './types';

export async function getLogoutRequest(challenge: string): Promise<LogoutRequest> {
  const r = await hydraCall(() => hydraAdmin().getOAuth2LogoutRequest({ logoutChallenge: challenge }));
  return { challenge: r.challenge ?? challenge, subject: r.subject || undefined, client: r.client ? toClientInfo(r.client) : null };
}

/** Returns Hydra's redirect_to: Hydra's end-session endpoint, which ends the session and returns to the client. */
export async function acceptLogout(challenge: string): Promise<string> {
  return redirectTarget(await hydraCall(() => hydraAdmin().acceptOAuth2LogoutRequest({ logoutChallenge: challenge })));
}

export async function rejectLogout(challenge: string): Promise<void> {
  await hydraCall(() => hydraAdmin().rejectOAuth2LogoutRequest({ logoutChallenge: challenge }));
}
