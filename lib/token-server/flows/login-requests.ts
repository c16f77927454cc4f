// Hydra's login requests: GET shows what the login UI needs, accept records who logged in (the
// browser resumes at redirect_to), reject sends the error to the client.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { TokenServerContext } from '../context';
import {
  clientView, finishChallenge, loadChallenge, oidcContext, readBody, rejectBodySchema,
  rejectionResult, requestUrl, splitParam, type Interaction,
} from './challenges';
import type { FlowRecords } from './flow-records';
import { deleteLoginSession } from './logout';
import { epoch } from '../epoch';

export const acceptLoginSchema = z.object({
  subject: z.string().min(1, 'must not be empty'),
  remember: z.boolean().default(false),
  remember_for: z.number().int().min(0).default(0),
  extend_session_lifespan: z.boolean().default(false),
  acr: z.string().default(''),
  amr: z.array(z.string()).default([]),
  context: z.unknown().optional(),
  force_subject_identifier: z.string().optional(),
  identity_provider_session_id: z.string().optional(),
});

type LoginDetails = { skip?: boolean; subject?: string };

export async function loginRequestView(ctx: TokenServerContext, interaction: Interaction) {
  const details = interaction.prompt.details as LoginDetails;
  const params = interaction.params as Record<string, unknown>;
  return {
    challenge: interaction.uid,
    skip: Boolean(details.skip),
    subject: details.skip ? (details.subject ?? '') : '',
    client: await clientView(ctx.db, String(params.client_id)),
    request_url: requestUrl(ctx.config, params),
    requested_scope: splitParam(params.scope),
    requested_access_token_audience: splitParam(params.audience),
    session_id: interaction.session?.uid ?? '',
    oidc_context: oidcContext(params),
  };
}

export async function getLoginRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string) {
  const interaction = await loadChallenge(ctx.provider, records, ctx.config, 'login', challenge);
  return loginRequestView(ctx, interaction);
}

/** The browser's session was for someone else (or not remembered): forget it so the new subject logs in. */
async function forgetBrowserSession(ctx: TokenServerContext, interaction: Interaction) {
  const uid = interaction.session?.uid;
  if (uid) await deleteLoginSession(ctx.db, ctx.box, uid);
  interaction.session = undefined;
}

export async function acceptLoginRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string, req: IncomingMessage) {
  const body = await readBody(req, acceptLoginSchema);
  const interaction = await loadChallenge(ctx.provider, records, ctx.config, 'login', challenge);
  const details = interaction.prompt.details as LoginDetails;
  const sessionSubject = interaction.session?.accountId;
  const params = interaction.params as Record<string, unknown>;
  if (sessionSubject && sessionSubject !== body.subject) {
    const forcedLogin = splitParam(params.prompt).includes('login');
    if (!forcedLogin && (details.skip || !(await isTransient(ctx, interaction)))) {
      // Hydra: another subject than the remembered session's is not an error; the flow restarts
      // with prompt=login so the login UI asks again (consent/strategy_oauth_test.go upstream).
      const restart = new URL(requestUrl(ctx.config, params));
      restart.searchParams.set('prompt', 'login');
      return finishChallenge(records, interaction, { error: 'login_required', error_description: 'The flow was restarted with prompt=login.' }, restart.toString());
    }
    await forgetBrowserSession(ctx, interaction);
  }
  const skip = Boolean(details.skip);
  const login = {
    accountId: body.subject,
    // Hydra forces remember on a skipped login; auth_time stays that of the remembered session.
    remember: skip ? true : body.remember,
    ts: skip ? (await sessionLoginTs(ctx, interaction)) ?? epoch() : epoch(),
    ...(body.acr ? { acr: body.acr } : {}),
    ...(body.amr.length ? { amr: body.amr } : {}),
    hydra: {
      challenge: interaction.uid,
      skip,
      remember_for: body.remember_for,
      extend_session_lifespan: body.extend_session_lifespan,
      context: body.context ?? {},
      identity_provider_session_id: body.identity_provider_session_id ?? '',
    },
  };
  // A registration or select_account prompt is resolved by the same accept.
  const extra = interaction.prompt.name === 'login' ? {} : { [interaction.prompt.name]: {} };
  return finishChallenge(records, interaction, { login, ...extra });
}

async function isTransient(ctx: TokenServerContext, interaction: Interaction): Promise<boolean> {
  const uid = interaction.session?.uid;
  const session = uid ? await ctx.provider.Session.findByUid(uid) : undefined;
  return !session || Boolean(session.transient);
}

async function sessionLoginTs(ctx: TokenServerContext, interaction: Interaction): Promise<number | undefined> {
  const uid = interaction.session?.uid;
  const session = uid ? await ctx.provider.Session.findByUid(uid) : undefined;
  return session?.loginTs;
}

export async function rejectLoginRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string, req: IncomingMessage) {
  const body = await readBody(req, rejectBodySchema);
  const interaction = await loadChallenge(ctx.provider, records, ctx.config, 'login', challenge);
  return finishChallenge(records, interaction, rejectionResult('login', body));
}
