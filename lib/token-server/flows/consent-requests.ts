// Hydra's consent requests: GET shows what the consent UI needs, accept creates the grant (its id is
// the consent challenge) and the consent session whose claims go into the tokens, reject sends the
// error to the client.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { TokenServerContext } from '../context';
import {
  clientView, finishChallenge, loadChallenge, oidcContext, readBody, rejectBodySchema, rejectionResult,
  requestUrl, splitParam, type Interaction,
} from './challenges';
import { saveConsent, saveGrant } from './consent-sessions';
import type { FlowRecords } from './flow-records';

const claimsObject = z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? {});

export const acceptConsentSchema = z.object({
  grant_scope: z.array(z.string()).nullish().transform((v) => v ?? []),
  grant_access_token_audience: z.array(z.string()).nullish().transform((v) => v ?? []),
  session: z.object({ access_token: claimsObject, id_token: claimsObject }).nullish()
    .transform((v) => v ?? { access_token: {}, id_token: {} }),
  remember: z.boolean().default(false),
  remember_for: z.number().int().min(0).default(0),
  context: z.unknown().optional(),
});

type LoginSubmission = { accountId: string; acr?: string; amr?: string[]; hydra?: { challenge?: string; context?: unknown } };

function loginOf(interaction: Interaction): LoginSubmission | undefined {
  return (interaction.lastSubmission as { login?: LoginSubmission } | undefined)?.login;
}

export async function consentRequestView(ctx: TokenServerContext, interaction: Interaction) {
  const params = interaction.params as Record<string, unknown>;
  const login = loginOf(interaction);
  return {
    challenge: interaction.uid,
    consent_request_id: interaction.uid,
    skip: Boolean((interaction.prompt.details as { skip?: boolean }).skip),
    subject: interaction.session?.accountId ?? login?.accountId ?? '',
    client: await clientView(ctx.db, String(params.client_id)),
    request_url: requestUrl(ctx.config, params),
    requested_scope: splitParam(params.scope),
    requested_access_token_audience: splitParam(params.audience),
    oidc_context: oidcContext(params),
    login_challenge: login?.hydra?.challenge ?? '',
    login_session_id: interaction.session?.uid ?? '',
    acr: login?.acr ?? interaction.session?.acr ?? '',
    amr: login?.amr ?? interaction.session?.amr ?? [],
    context: login?.hydra?.context ?? {},
  };
}

export async function getConsentRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string) {
  return consentRequestView(ctx, await loadChallenge(ctx.provider, records, ctx.config, 'consent', challenge));
}

export async function acceptConsentRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string, req: IncomingMessage) {
  const body = await readBody(req, acceptConsentSchema);
  const interaction = await loadChallenge(ctx.provider, records, ctx.config, 'consent', challenge);
  const request = await consentRequestView(ctx, interaction);
  const clientId = String((interaction.params as Record<string, unknown>).client_id);

  // Hydra copies grant_scope into the tokens as given; the requested scope was checked at /oauth2/auth.
  await saveGrant(ctx.provider, { id: interaction.uid, subject: request.subject, clientId, grantScope: body.grant_scope });
  await saveConsent(ctx.db, {
    id: interaction.uid,
    subject: request.subject,
    clientId,
    loginSessionId: request.login_session_id || null,
    grantScope: body.grant_scope,
    grantAudience: body.grant_access_token_audience,
    session: body.session,
    context: body.context,
    request,
    remember: body.remember,
    rememberFor: body.remember_for,
    handledAt: new Date(),
    skip: request.skip,
  });
  return finishChallenge(records, interaction, { ...(interaction.lastSubmission ?? {}), consent: { grantId: interaction.uid } });
}

export async function rejectConsentRequest(ctx: TokenServerContext, records: FlowRecords, challenge: string, req: IncomingMessage) {
  const body = await readBody(req, rejectBodySchema);
  const interaction = await loadChallenge(ctx.provider, records, ctx.config, 'consent', challenge);
  return finishChallenge(records, interaction, rejectionResult('consent', body));
}
