// Structured JSON logs (pino). Secrets, passwords and tokens are never logged: request logs carry the
// path without its query string, and known sensitive keys are redacted wherever they appear.
import pino from 'pino';

export type Logger = pino.Logger;

const REDACT = [
  'password', '*.password', 'secret', '*.secret', 'client_secret', '*.client_secret', 'token', '*.token',
  'access_token', '*.access_token', 'refresh_token', '*.refresh_token', 'id_token', '*.id_token',
  'authorization', '*.authorization', 'cookie', '*.cookie', 'headers.authorization', 'headers.cookie',
];

export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: name } });
}
