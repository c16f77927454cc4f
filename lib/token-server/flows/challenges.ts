// Hydra's challenge lifecycle on top of oidc-provider Interactions. The challenge is the Interaction
// uid: unknown → 404, older than TTL_LOGIN_CONSENT_REQUEST → 401 request_unauthorized, already
// accepted or rejected → 410 {redirect_to}. Interactions live a grace period longer than the TTL so
// an expired challenge can still be told apart from an unknown one.
import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { z } from 'zod';
import type { TokenServerConfig } from '../../config';
import type { TokenServerDb } from '../../db/token-server-db';
import { findStoredClient, publicView } from '../clients/client-store';
import type { HydraClient } from '../clients/client-schema';
import { readJson } from '../http/body';
import { HydraError, badRequest, notFound } from '../http/errors';
import type { FlowRecords } from './flow-records';
import { epoch } from '../epoch';

export const INTERACTION_GRACE_SECONDS = 3600;

export type Interaction = InstanceType<Provider['Interaction']>;
export type ChallengeKind = 'login' | 'consent';

/** Reads `<kind>_challenge` or its alias `challenge`; a missing one is Hydra's 400. */
export function challengeParam(url: URL, kind: string): string {
  const value = url.searchParams.get(`${kind}_challenge`) ?? url.searchParams.get('challenge');
  if (!value) throw badRequest(`Query parameter '${kind}_challenge' is not defined but should have been.`);
  return value;
}

/** The prompts that each kind of challenge answers; registration and select_account are logins. */
const PROMPTS: Record<ChallengeKind, string[]> = { login: ['login', 'registration', 'select_account'], consent: ['consent'] };

export class ChallengeGone extends HydraError {
  constructor(readonly redirectTo: string) {
    super(410, 'request_handled', 'The request has already been handled.');
  }
}

/** Loads an open challenge: throws 404, 401 or 410 (ChallengeGone) as Hydra does. */
export async function loadChallenge(
  provider: Provider,
  records: FlowRecords,
  config: TokenServerConfig,
  kind: ChallengeKind,
  challenge: string,
): Promise<Interaction> {
  const interaction = await provider.Interaction.find(challenge);
  if (!interaction || !PROMPTS[kind].includes(interaction.prompt.name)) {
    const handled = interaction ? undefined : await records.findHandled(challenge);
    if (handled) throw new ChallengeGone(handled.redirect_to);
    throw notFound();
  }
  if (interaction.result) throw new ChallengeGone(interaction.returnTo);
  if ((interaction.iat ?? 0) + config.TTL_LOGIN_CONSENT_REQUEST < epoch()) {
    throw new HydraError(401, 'request_unauthorized', `The ${kind} request has expired, please try again.`);
  }
  return interaction;
}

/** Stores the outcome on the Interaction; the browser resumes at returnTo with its own cookies. */
export async function finishChallenge(records: FlowRecords, interaction: Interaction, result: InteractionResults, redirectTo = interaction.returnTo) {
  const ttl = Math.max((interaction.exp ?? epoch() + 60) - epoch(), 1);
  interaction.result = result;
  await interaction.save(ttl);
  await records.markHandled(interaction.uid, { redirect_to: redirectTo }, ttl);
  return { redirect_to: redirectTo };
}

/** Hydra's `request_url`: the public authorization URL with the original parameters. */
export function requestUrl(config: TokenServerConfig, params: Record<string, unknown>): string {
  const url = new URL(`${issuerOrigin(config)}/oauth2/auth`);
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') url.searchParams.set(key, value);
  }
  return url.toString();
}

export function issuerOrigin(config: TokenServerConfig): string {
  return config.URLS_SELF_ISSUER.replace(/\/$/, '');
}

export function splitParam(value: unknown): string[] {
  return typeof value === 'string' && value.trim() ? value.trim().split(/\s+/) : [];
}

export async function clientView(db: TokenServerDb, clientId: string): Promise<HydraClient | null> {
  const stored = await findStoredClient(db, clientId);
  return stored ? publicView(stored) : null;
}

/** Hydra's oidc_context: what the client asked for about the login itself. */
export function oidcContext(params: Record<string, unknown>) {
  return {
    acr_values: splitParam(params.acr_values),
    ui_locales: splitParam(params.ui_locales),
    display: typeof params.display === 'string' ? params.display : '',
    id_token_hint_claims: decodeHint(params.id_token_hint),
    login_hint: typeof params.login_hint === 'string' ? params.login_hint : '',
  };
}

function decodeHint(hint: unknown): Record<string, unknown> | undefined {
  if (typeof hint !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Parses an admin JSON body against a schema; the first problem is a Hydra 400. */
export async function readBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse((await readJson(req)) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`Field '${issue?.path.join('.') || 'body'}' ${issue?.message ?? 'is invalid'}.`);
  }
  return parsed.data;
}

export const rejectBodySchema = z.object({
  error: z.string().optional(),
  error_description: z.string().optional(),
  error_hint: z.string().optional(),
  error_debug: z.string().optional(),
  status_code: z.number().int().optional(),
});

/** A rejection becomes the error the client receives; Hydra appends the hint to the description. */
export function rejectionResult(kind: ChallengeKind, body: z.infer<typeof rejectBodySchema>) {
  const description = [body.error_description, body.error_hint].filter(Boolean).join(' ');
  return { error: body.error || `${kind} request denied`, ...(description ? { error_description: description } : {}) };
}
