// Configuration of both processes, read from the environment once and validated with zod.
// Hydra's variable names are used wherever the concept is Hydra's, so an operator's Hydra
// environment works unchanged for the packaged token server.
import { z } from 'zod';
import { DEV_SECRET_PREFIX } from './dev-secrets';
import { blockListOf } from './security/cidr';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const MIN_SECRET_LENGTH = 32;

export { DEV_SECRET_PREFIX };

/** Hydra's duration syntax: `1h`, `30m`, `720h`, `10s`, also combined (`1h30m`). Result in seconds. */
export function parseDuration(value: string): number | undefined {
  const re = /(\d+)(ms|s|m|h)/g;
  if (!/^(\d+(ms|s|m|h))+$/.test(value)) return undefined;
  let seconds = 0;
  for (const [, n, unit] of value.matchAll(re)) {
    const k = unit === 'h' ? 3600 : unit === 'm' ? 60 : unit === 's' ? 1 : 0.001;
    seconds += Number(n) * k;
  }
  return Math.floor(seconds);
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const s = parseDuration(v);
      if (s === undefined || s <= 0) {
        ctx.addIssue({ code: 'custom', message: 'a duration such as 1h, 30m or 720h' });
        return z.NEVER;
      }
      return s;
    });

const httpUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'an absolute http(s) URL')
  .describe('an absolute http(s) URL');

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** Hydra accepts lists comma-separated or as JSON arrays. */
const list = z.string().transform((v, ctx) => {
  const t = v.trim();
  if (t.startsWith('[')) {
    const parsed = z.array(z.string()).safeParse(safeJson(t));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'a JSON array of strings or a comma-separated list' });
      return z.NEVER;
    }
    return parsed.data;
  }
  return t.split(',').map((s) => s.trim()).filter(Boolean);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type DatabaseUrl =
  | { kind: 'memory' }
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgresql'; url: string };

/** Accepts Hydra's DSN forms and Prisma's `file:` form for SQLite. */
export function parseDatabaseUrl(value: string): DatabaseUrl | undefined {
  if (value === 'memory') return { kind: 'memory' };
  const sqlite = /^(?:sqlite:\/\/|sqlite:|file:)(.+?)(?:\?.*)?$/.exec(value);
  if (sqlite?.[1]) return { kind: 'sqlite', file: sqlite[1] };
  if (/^postgres(ql)?:\/\//.test(value) && URL.canParse(value)) return { kind: 'postgresql', url: value };
  return undefined;
}

const databaseUrl = (expects: string) =>
  z
    .string()
    .describe(expects)
    .transform((v, ctx) => {
      const parsed = parseDatabaseUrl(v);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: expects });
        return z.NEVER;
      }
      return parsed;
    });

const secrets = list.describe('a comma-separated list of secrets').pipe(z.array(z.string()).min(1, 'at least one secret'));

const tokenServerSchema = z.object({
  GATEHOUSE_DEV: flag,
  DSN: databaseUrl('memory, sqlite://PATH or postgres://USER@HOST/DB'),
  SECRETS_SYSTEM: secrets,
  URLS_SELF_ISSUER: httpUrl,
  URLS_LOGIN: httpUrl,
  URLS_CONSENT: httpUrl,
  URLS_LOGOUT: httpUrl,
  URLS_ERROR: httpUrl,
  URLS_REGISTRATION: httpUrl.optional(),
  URLS_POST_LOGOUT_REDIRECT: httpUrl,
  SERVE_PUBLIC_PORT: port(4444),
  SERVE_ADMIN_PORT: port(4445),
  SERVE_HOST: z.string().default('0.0.0.0'),
  TTL_ACCESS_TOKEN: duration('1h'),
  TTL_REFRESH_TOKEN: duration('720h'),
  TTL_ID_TOKEN: duration('1h'),
  TTL_AUTH_CODE: duration('10m'),
  TTL_LOGIN_CONSENT_REQUEST: duration('30m'),
  TTL_AUTHENTICATION_SESSION: duration('720h'),
  STRATEGIES_ACCESS_TOKEN: z.enum(['opaque', 'jwt']).default('opaque'),
  // Hydra's clients.http.disallow_private_ip_ranges: outgoing requests for clients (jwks_uri, ...).
  CLIENTS_HTTP_DISALLOW_PRIVATE_IP_RANGES: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type TokenServerConfig = Omit<z.infer<typeof tokenServerSchema>, 'GATEHOUSE_DEV'> & { dev: boolean };

/** `loopback`, `private` or CIDR blocks (10.0.0.0/8, fd00::/8), comma-separated. */
const trustedProxies = z
  .string()
  .default('loopback,private')
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((list) => blockListOf(list) !== undefined, 'loopback, private or CIDR blocks such as 10.0.0.0/8, comma-separated');

const appSchema = z.object({
  GATEHOUSE_DEV: flag,
  HYDRA_ADMIN_URL: httpUrl,
  HYDRA_PUBLIC_URL: httpUrl,
  DATABASE_URL: databaseUrl('file:PATH, sqlite://PATH or postgres://USER@HOST/DB').refine(
    (db): db is Exclude<DatabaseUrl, { kind: 'memory' }> => db.kind !== 'memory',
    'a persistent database (file:PATH, sqlite://PATH or postgres://USER@HOST/DB), not memory',
  ),
  APP_URL: httpUrl,
  APP_SECRETS: secrets,
  APP_NAME: z.string().min(1).default('Gatehouse'),
  APP_LOGO_URL: z.string().optional(),
  APP_ACCENT_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #4f46e5')
    .default('#4f46e5'),
  REGISTRATION_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  REMEMBER_FOR: duration('720h'),
  // Peers whose X-Forwarded-For is believed (reverse proxies), as CIDR blocks or `loopback`/`private`.
  TRUSTED_PROXIES: trustedProxies,
  // The app's own OAuth2 client (account area, operator console). Left unset, the app registers it
  // itself at start-up with a secret derived from APP_SECRETS.
  APP_CLIENT_ID: z.string().min(1).optional(),
  APP_CLIENT_SECRET: z.string().min(6).optional(),
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = Omit<z.infer<typeof appSchema>, 'GATEHOUSE_DEV'> & { dev: boolean };

/** One line: the variable, what it got, what it expects. Secrets are never echoed. */
function describeIssue(issue: z.core.$ZodIssue, env: Env, shape: Record<string, z.ZodType>): string {
  const name = String(issue.path[0] ?? 'environment');
  const raw = env[name];
  const got = raw === undefined ? 'nothing' : /SECRET/.test(name) ? `a value of ${raw.length} characters` : JSON.stringify(raw);
  const expected = raw === undefined ? (findDescription(shape[name]) ?? 'a value') : issue.message;
  return `invalid configuration: ${name} got ${got}, expected ${expected}`;
}

/** The description may sit on an inner schema (under .optional(), .pipe() or .transform()). */
function findDescription(schema: z.ZodType | undefined): string | undefined {
  let current: unknown = schema;
  for (let depth = 0; current && depth < 5; depth++) {
    const s = current as z.ZodType & { def?: { in?: unknown; innerType?: unknown } };
    if (s.description) return s.description;
    current = s.def?.in ?? s.def?.innerType;
  }
  return undefined;
}

function parseEnv<S extends z.ZodObject>(schema: S, env: Env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ConfigError(first ? describeIssue(first, env, schema.shape as Record<string, z.ZodType>) : 'invalid configuration');
  }
  return result.data;
}

/** Production refuses what only development may use: short secrets and plain-http issuers. */
function checkProductionSecrets(name: string, values: string[]): void {
  const short = values.find((s) => s.length < MIN_SECRET_LENGTH);
  if (short !== undefined) {
    throw new ConfigError(
      `invalid configuration: ${name} got a secret of ${short.length} characters, expected at least ${MIN_SECRET_LENGTH} characters outside development mode`,
    );
  }
  if (values.some((s) => s.startsWith(DEV_SECRET_PREFIX))) {
    throw new ConfigError(
      `invalid configuration: ${name} got a generated development secret, expected a secret set by the operator outside development mode`,
    );
  }
}

export function loadTokenServerConfig(env: Env = process.env): TokenServerConfig {
  const { GATEHOUSE_DEV, ...rest } = parseEnv(tokenServerSchema, env);
  if (!GATEHOUSE_DEV) {
    checkProductionSecrets('SECRETS_SYSTEM', rest.SECRETS_SYSTEM);
    if (new URL(rest.URLS_SELF_ISSUER).protocol !== 'https:') {
      throw new ConfigError(
        `invalid configuration: URLS_SELF_ISSUER got ${JSON.stringify(rest.URLS_SELF_ISSUER)}, expected an https:// URL outside development mode`,
      );
    }
  }
  return { ...rest, dev: GATEHOUSE_DEV };
}

export function loadAppConfig(env: Env = process.env): AppConfig {
  const { GATEHOUSE_DEV, DATABASE_URL, ...rest } = parseEnv(appSchema, env);
  if (!GATEHOUSE_DEV) checkProductionSecrets('APP_SECRETS', rest.APP_SECRETS);
  return { ...rest, DATABASE_URL, dev: GATEHOUSE_DEV };
}
