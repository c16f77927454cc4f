// The one error type of the token server's own endpoints and its one formatter: Hydra's
// `{"error","error_description"}` with the HTTP status. Anything unexpected becomes a generic 500.
import type { ServerResponse } from 'node:http';
import type { Logger } from '../../logger';

export class HydraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description = '',
  ) {
    super(`${error}: ${description}`);
  }
}

export const notFound = () => new HydraError(404, 'Unable to locate the resource', '');
export const badRequest = (description: string) => new HydraError(400, 'invalid_request', description);

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    // A known length instead of chunked framing: one write per answer, as Hydra answers.
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown, log: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof HydraError) {
    sendJson(res, err.status, { error: err.error, error_description: err.description });
    return;
  }
  log.error({ err }, 'unhandled error');
  sendJson(res, 500, { error: 'server_error', error_description: 'The authorization server encountered an unexpected condition.' });
}
