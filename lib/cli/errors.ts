// The CLI's two failure kinds and their exit codes: 1 when a server refused or could not be reached,
// 2 when the command line itself is wrong (the usage line is printed with it).
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  ECONNABORTED: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  UND_ERR_SOCKET: 'connection closed',
};

type ErrorLike = { code?: unknown; cause?: unknown; errors?: unknown[]; message?: unknown };

/** The system error code of a failed connection, looked for in `cause` and AggregateError `errors` too. */
function networkCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 4) return undefined;
  const e = err as ErrorLike;
  if (typeof e.code === 'string' && e.code in NETWORK_REASONS) return e.code;
  return networkCode(e.cause, depth + 1) ?? (Array.isArray(e.errors) ? networkCode(e.errors[0], depth + 1) : undefined);
}

/** "cannot reach http://…: connection refused", or undefined when the error is not a connection failure. */
export function unreachable(err: unknown, url: string): CliError | undefined {
  const code = networkCode(err);
  return code ? new CliError(`cannot reach ${url}: ${NETWORK_REASONS[code]}`) : undefined;
}

/** Hydra's error body `{error, error_description}` as one line, with the HTTP status. */
export function httpError(status: number, body: unknown, url: string): CliError {
  const b = (body && typeof body === 'object' ? body : {}) as { error?: unknown; error_description?: unknown };
  const error = typeof b.error === 'string' && b.error ? b.error : `unexpected response from ${url}`;
  const description = typeof b.error_description === 'string' && b.error_description ? `: ${b.error_description}` : '';
  return new CliError(`${error}${description} (HTTP ${status})`);
}
