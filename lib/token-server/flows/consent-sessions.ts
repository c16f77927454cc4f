// Hydra's consent sessions in the ConsentSession table: one row per accepted consent, keyed by the
// consent challenge, which is also the oidc-provider Grant id its tokens belong to. The newest
// remembered, unexpired, non-skipped row lets a later consent skip; deleting rows revokes their grants
// and tokens. The per-flow statements (save, find by id, the remembered lookup) go through the
// driver-level record store; listing and revoking, rare admin calls, through Prisma.
import type Provider from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { createOidcAdapterFactory } from '../storage/oidc-adapter';
import { recordStoreOf, type ConsentGrantRow } from '../storage/record-store';
import type { SecretBox } from '../storage/secret-box';
import { epoch } from '../epoch';

export type ConsentSessionData = { access_token: Record<string, unknown>; id_token: Record<string, unknown> };

export type AcceptedConsent = {
  id: string;
  subject: string;
  clientId: string;
  loginSessionId: string | null;
  grantScope: string[];
  grantAudience: string[];
  session: ConsentSessionData;
  context: unknown;
  request: Record<string, unknown>;
  remember: boolean;
  rememberFor: number;
  handledAt: Date;
  skip: boolean;
};

/** What a token and the skip decision need of a consent. */
export type ConsentGrant = Pick<AcceptedConsent, 'id' | 'subject' | 'clientId' | 'grantScope' | 'grantAudience' | 'session'>;

type Row = Awaited<ReturnType<TokenServerDb['consentSession']['findFirstOrThrow']>>;

function grantFromRow(row: ConsentGrantRow): ConsentGrant {
  return {
    id: row.id,
    subject: row.subject,
    clientId: row.clientId,
    grantScope: JSON.parse(row.grantScope) as string[],
    grantAudience: JSON.parse(row.grantAudience) as string[],
    session: JSON.parse(row.session) as ConsentSessionData,
  };
}

function fromRow(row: Row): AcceptedConsent {
  return {
    ...grantFromRow(row),
    loginSessionId: row.loginSessionId,
    context: row.context === null ? undefined : JSON.parse(row.context),
    request: JSON.parse(row.request) as Record<string, unknown>,
    remember: row.remember,
    rememberFor: row.rememberFor,
    handledAt: row.handledAt,
    skip: row.skip,
  };
}

const unexpired = () => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: BigInt(epoch()) } }] });

/** The oidc-provider Grant of a consent: its id is the consent challenge, its scopes grant_scope. */
export async function saveGrant(provider: Provider, c: Pick<AcceptedConsent, 'id' | 'subject' | 'clientId' | 'grantScope'>) {
  const grant = new provider.Grant({ jti: c.id, accountId: c.subject, clientId: c.clientId } as ConstructorParameters<Provider['Grant']>[0]);
  if (c.grantScope.length) grant.addOIDCScope(c.grantScope.join(' '));
  await grant.save();
  return grant;
}

export async function saveConsent(db: TokenServerDb, c: AcceptedConsent): Promise<void> {
  const expiresAt = c.remember && c.rememberFor > 0 ? Math.floor(c.handledAt.getTime() / 1000) + c.rememberFor : null;
  await recordStoreOf(db).write({
    op: 'upsertConsent',
    row: {
      id: c.id,
      subject: c.subject,
      clientId: c.clientId,
      loginSessionId: c.loginSessionId,
      grantScope: JSON.stringify(c.grantScope),
      grantAudience: JSON.stringify(c.grantAudience),
      session: JSON.stringify(c.session),
      context: c.context === undefined ? null : JSON.stringify(c.context),
      request: JSON.stringify(c.request),
      remember: c.remember,
      rememberFor: c.rememberFor,
      handledAt: c.handledAt,
      expiresAt,
      skip: c.skip,
    },
  });
}

export async function findConsent(db: TokenServerDb, id: string): Promise<ConsentGrant | undefined> {
  const row = await recordStoreOf(db).findConsent(id);
  return row ? grantFromRow(row) : undefined;
}

/**
 * Hydra's remembered consent: only the newest remembered, unexpired consent of subject for client that
 * was not itself a skip counts, and only if it covers the requested scopes and audience
 * (persistence/sql FindGrantedAndRememberedConsentRequest upstream). One indexed row, however many
 * flows the subject has had.
 */
export async function findRememberedConsent(
  db: TokenServerDb,
  subject: string,
  clientId: string,
  scopes: string[],
  audience: string[],
): Promise<ConsentGrant | undefined> {
  const row = await recordStoreOf(db).findRememberedConsent(subject, clientId, epoch());
  const newest = row ? grantFromRow(row) : undefined;
  if (!newest) return undefined;
  const covers = scopes.every((s) => newest.grantScope.includes(s)) && audience.every((a) => newest.grantAudience.includes(a));
  return covers ? newest : undefined;
}

/** Hydra lists every unexpired consent the subject gave that was not itself a skip. */
export async function listConsents(db: TokenServerDb, subject: string, loginSessionId?: string): Promise<AcceptedConsent[]> {
  const rows = await db.consentSession.findMany({
    where: { subject, skip: false, ...(loginSessionId ? { loginSessionId } : {}), ...unexpired() },
    orderBy: { handledAt: 'desc' },
  });
  return rows.map(fromRow);
}

/** Deletes the consents and revokes each one's grant: its codes, access and refresh tokens. */
export async function revokeConsents(
  db: TokenServerDb,
  box: SecretBox,
  provider: Provider,
  where: { subject: string; clientId?: string; id?: string },
): Promise<void> {
  const rows = await db.consentSession.findMany({ where, select: { id: true } });
  await revokeGrants(db, box, provider, rows.map((r) => r.id));
  await db.consentSession.deleteMany({ where });
}

export async function revokeGrants(db: TokenServerDb, box: SecretBox, provider: Provider, grantIds: string[]): Promise<void> {
  const Adapter = createOidcAdapterFactory(db, box);
  const tokens = new Adapter('AccessToken');
  for (const grantId of grantIds) {
    await tokens.revokeByGrantId(grantId);
    const grant = await provider.Grant.find(grantId);
    await grant?.destroy();
  }
}
