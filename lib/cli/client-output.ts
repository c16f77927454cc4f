// Hydra's table columns for OAuth2 clients.
import type { OAuth2Client } from '@ory/client';
import type { Row, Table } from './output';

export const CLIENT_HEADER = ['CLIENT ID', 'CLIENT SECRET', 'GRANT TYPES', 'RESPONSE TYPES', 'SCOPE', 'AUDIENCE', 'REDIRECT URIS'];

export function clientColumns(c: OAuth2Client): string[] {
  return [
    c.client_id ?? '',
    c.client_secret ?? '',
    (c.grant_types ?? []).join(', '),
    (c.response_types ?? []).join(', '),
    c.scope ?? '',
    (c.audience ?? []).join(','),
    (c.redirect_uris ?? []).join(', '),
  ];
}

export const clientRow = (c: OAuth2Client): Row => ({ header: CLIENT_HEADER, columns: clientColumns(c), data: c });

export const clientTable = (clients: OAuth2Client[]): Table => ({ header: CLIENT_HEADER, rows: clients.map(clientColumns), data: clients });
