// @ts-check
// The column lists of Prisma's OidcRecord and ConsentSession tables, as the driver-level statements of
// both engines name them (SQLite's reader and writer thread, PostgreSQL's store). Plain JavaScript
// because the writer thread loads it too, and worker threads do not inherit the TypeScript loader.

export const RECORD_COLUMNS = '"key", "kind", "payload", "grantKey", "uidKey", "subject", "clientId", "expiresAt", "consumedAt"';
export const CONSENT_COLUMNS =
  '"id", "subject", "clientId", "loginSessionId", "grantScope", "grantAudience", "session", "context", "request", "remember", "rememberFor", "handledAt", "expiresAt", "skip"';
export const CONSENT_GRANT_COLUMNS = '"id", "subject", "clientId", "grantScope", "grantAudience", "session"';
