// Everything the pages may ask of Hydra's admin API.
export { getLoginRequest, acceptLogin, rejectLogin, type LoginAcceptance } from './login';
export { getConsentRequest, acceptConsent, rejectConsent, type ConsentAcceptance } from './consent';
export { getLogoutRequest, acceptLogout, rejectLogout } from './logout';
export { ChallengeExpired, ChallengeHandled, ChallengeNotFound, HydraError, HydraUnavailable } from './errors';
export type { ClientInfo, ConsentRequest, LoginRequest, LogoutRequest } from './types';
