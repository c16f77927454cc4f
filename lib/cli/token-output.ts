// Hydra's table for a token response: access, refresh and ID token and the expiry.
import type { Row } from './output';

export type TokenResponse = { access_token: string; token_type?: string; expires_in?: number; scope?: string; refresh_token?: string; id_token?: string };

export function tokenRow(token: TokenResponse, receivedAt = Date.now()): Row {
  const expiry = token.expires_in ? new Date(receivedAt + token.expires_in * 1000).toISOString() : '';
  return {
    header: ['ACCESS TOKEN', 'REFRESH TOKEN', 'ID TOKEN', 'EXPIRY'],
    columns: [token.access_token, token.refresh_token || '<empty>', token.id_token || '<empty>', expiry],
    data: { ...token, ...(expiry ? { expiry } : {}) },
  };
}
