import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import type { AcceptOAuth2ConsentRequest, AcceptOAuth2LoginRequest, OAuth2Api } from '@ory/client';
import type { HttpBrowser } from '../support/http-browser';
import { expectHttpError } from '../support/hydra-admin';
import {
  POST_LOGOUT_URI, REDIRECT_URI, adminApi, authorizationUrl, createTestClient, exchangeCode, newBrowser, refresh,
  userinfo, type AuthRequest, type TestClient, type Tokens,
} from '../support/oauth-flow';
import { assertMatchesSpec } from '../support/openapi';
import { freePort } from '../support/ports';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

const UI = 'http://127.0.0.1:9';
const where = (url: URL) => `${url.origin}${url.pathname}`;

describe('token server: Hydra login, consent and logout challenges', () => {
  let server: TestTokenServer;
  let admin: OAuth2Api;
  let client: TestClient;
  before(async () => {
    server = await startTestTokenServer({ URLS_REGISTRATION: `${UI}/registration` });
    admin = adminApi(server);
    client = await createTestClient(server);
  });
  after(async () => server.close());

  /** Starts an authorization request and returns where the browser stopped (login UI, or the callback). */
  async function authorize(browser: HttpBrowser, params: Record<string, string> = {}, rp = client) {
    const auth = authorizationUrl(server, rp, params);
    const stop = await browser.navigate(auth.url);
    return { auth, stop: stop.url };
  }

  async function toLogin(browser: HttpBrowser, params: Record<string, string> = {}, rp = client) {
    const { auth, stop } = await authorize(browser, params, rp);
    assert.equal(where(stop), `${UI}/login`, `expected the login UI, got ${stop}`);
    return { auth, challenge: stop.searchParams.get('login_challenge')! };
  }

  async function acceptLogin(browser: HttpBrowser, challenge: string, body: AcceptOAuth2LoginRequest) {
    const { data } = await admin.acceptOAuth2LoginRequest({ loginChallenge: challenge, acceptOAuth2LoginRequest: body });
    assert.equal(new URL(data.redirect_to).origin, server.publicUrl);
    return (await browser.navigate(data.redirect_to)).url;
  }

  async function toConsent(browser: HttpBrowser, challenge: string, body: AcceptOAuth2LoginRequest) {
    const stop = await acceptLogin(browser, challenge, body);
    assert.equal(where(stop), `${UI}/consent`, `expected the consent UI, got ${stop}`);
    return stop.searchParams.get('consent_challenge')!;
  }

  async function acceptConsent(browser: HttpBrowser, challenge: string, body: AcceptOAuth2ConsentRequest) {
    const { data } = await admin.acceptOAuth2ConsentRequest({ consentChallenge: challenge, acceptOAuth2ConsentRequest: body });
    assert.equal(new URL(data.redirect_to).origin, server.publicUrl);
    return (await browser.navigate(data.redirect_to)).url;
  }

  async function tokensFor(auth: AuthRequest, callback: URL, rp = client): Promise<Tokens> {
    assert.equal(where(callback), REDIRECT_URI, `expected the client callback, got ${callback}`);
    assert.equal(callback.searchParams.get('state'), auth.state);
    const res = await exchangeCode(server, rp, callback.searchParams.get('code')!, auth.verifier);
    const body = (await res.json()) as Tokens;
    assert.equal(res.status, 200, JSON.stringify(body));
    return body;
  }

  /** A whole flow with the given accepts; returns the tokens. */
  async function fullFlow(browser: HttpBrowser, subject: string, opts: { params?: Record<string, string>; login?: Partial<AcceptOAuth2LoginRequest>; consent?: AcceptOAuth2ConsentRequest } = {}) {
    const { auth, challenge } = await toLogin(browser, opts.params);
    const consentChallenge = await toConsent(browser, challenge, { subject, ...opts.login });
    const callback = await acceptConsent(browser, consentChallenge, opts.consent ?? { grant_scope: ['openid', 'offline'] });
    return tokensFor(auth, callback);
  }

  it('runs the code flow with PKCE: claims from the consent session, granted scopes, Hydra request shapes', async () => {
    const browser = newBrowser(server);
    const { auth, challenge } = await toLogin(browser, { audience: 'https://api.example.com', login_hint: 'alice', ui_locales: 'de en', acr_values: 'gold' });
    const { data: login } = await admin.getOAuth2LoginRequest({ loginChallenge: challenge });
    assertMatchesSpec('GET', '/admin/oauth2/auth/requests/login', 200, login);
    assert.equal(login.challenge, challenge);
    assert.equal(login.skip, false);
    assert.equal(login.subject, '');
    assert.equal(login.client.client_id, client.client_id);
    assert.equal('client_secret' in login.client, false);
    assert.deepEqual(login.requested_scope, ['openid', 'offline']);
    assert.deepEqual(login.requested_access_token_audience, ['https://api.example.com']);
    assert.equal(new URL(login.request_url).origin, server.publicUrl);
    assert.equal(new URL(login.request_url).pathname, '/oauth2/auth');
    assert.deepEqual(login.oidc_context, { acr_values: ['gold'], ui_locales: ['de', 'en'], display: '', login_hint: 'alice' });
    const byAlias = await fetch(`${server.adminUrl}/admin/oauth2/auth/requests/login?challenge=${encodeURIComponent(challenge)}`);
    assert.equal(byAlias.status, 200);

    const consentChallenge = await toConsent(browser, challenge, { subject: 'user-1', acr: '1', amr: ['pwd'], context: { a: 1 } });
    const { data: consent } = await admin.getOAuth2ConsentRequest({ consentChallenge });
    assertMatchesSpec('GET', '/admin/oauth2/auth/requests/consent', 200, consent);
    assert.equal(consent.challenge, consentChallenge);
    assert.equal(consent.consent_request_id, consentChallenge);
    assert.equal(consent.subject, 'user-1');
    assert.equal(consent.login_challenge, challenge);
    assert.ok(consent.login_session_id);
    assert.equal(consent.acr, '1');
    assert.deepEqual(consent.amr, ['pwd']);
    assert.deepEqual(consent.context, { a: 1 });
    assert.equal(consent.skip, false);
    assert.deepEqual(consent.requested_access_token_audience, ['https://api.example.com']);

    const callback = await acceptConsent(browser, consentChallenge, {
      grant_scope: ['openid', 'offline'],
      grant_access_token_audience: ['https://api.example.com'],
      session: { id_token: { email: 'u1@example.com', sub: 'spoofed' }, access_token: { role: 'admin' } },
    });
    const tokens = await tokensFor(auth, callback);
    assert.equal(tokens.scope, 'openid offline');
    assert.match(tokens.access_token, /^ory_at_/);
    assert.match(tokens.refresh_token!, /^ory_rt_/);
    const idToken = decodeJwt(tokens.id_token!);
    assert.equal(idToken.sub, 'user-1');
    assert.equal(idToken.email, 'u1@example.com');
    assert.equal(idToken.iss, server.publicUrl);
    assert.equal(idToken.nonce, auth.nonce);
    assert.equal(idToken.acr, '1');
    assert.deepEqual(idToken.amr, ['pwd']);
    assert.equal(typeof idToken.auth_time, 'number');
    assert.equal(idToken.sid, consent.login_session_id);
    assert.equal(typeof idToken.at_hash, 'string');

    const info = await userinfo(server, tokens.access_token);
    assert.equal(info.status, 200);
    assert.deepEqual(await info.json(), { sub: 'user-1', email: 'u1@example.com' });

    const introspection = await fetch(`${server.adminUrl}/admin/oauth2/introspect`, { method: 'POST', body: new URLSearchParams({ token: tokens.access_token }) });
    const introspected = (await introspection.json()) as { active: boolean; sub: string; aud: string[]; ext?: unknown };
    assert.equal(introspected.active, true);
    assert.deepEqual(introspected.aud, ['https://api.example.com']);
    assert.equal(introspected.sub, 'user-1');
    assert.deepEqual(introspected.ext, { role: 'admin' });
  });

  it('answers 404 for an unknown challenge and 410 with redirect_to for a handled one', async () => {
    const unknown = await expectHttpError('GET', '/admin/oauth2/auth/requests/login', () => admin.getOAuth2LoginRequest({ loginChallenge: 'nope' }));
    assert.equal(unknown.status, 404);
    const missing = await fetch(`${server.adminUrl}/admin/oauth2/auth/requests/login`);
    assert.equal(missing.status, 400);

    const browser = newBrowser(server);
    const { challenge } = await toLogin(browser);
    const consentAsLogin = await fetch(`${server.adminUrl}/admin/oauth2/auth/requests/consent?consent_challenge=${encodeURIComponent(challenge)}`);
    assert.equal(consentAsLogin.status, 404);
    const { data } = await admin.acceptOAuth2LoginRequest({ loginChallenge: challenge, acceptOAuth2LoginRequest: { subject: 'user-410' } });
    for (const attempt of [
      () => fetch(`${server.adminUrl}/admin/oauth2/auth/requests/login?login_challenge=${encodeURIComponent(challenge)}`),
      () => fetch(`${server.adminUrl}/admin/oauth2/auth/requests/login/accept?login_challenge=${encodeURIComponent(challenge)}`, { method: 'PUT', body: JSON.stringify({ subject: 'x' }) }),
    ]) {
      const res = await attempt();
      assert.equal(res.status, 410);
      assert.deepEqual(await res.json(), { redirect_to: data.redirect_to });
    }
    // Still 410 once the browser has resumed and the interaction is gone.
    await browser.navigate(data.redirect_to);
    const after = await fetch(`${server.adminUrl}/admin/oauth2/auth/requests/login?login_challenge=${encodeURIComponent(challenge)}`);
    assert.equal(after.status, 410);
  });

  it('rejects an accept without subject with 400', async () => {
    const { challenge } = await toLogin(newBrowser(server));
    const res = await fetch(`${server.adminUrl}/admin/oauth2/auth/requests/login/accept?login_challenge=${encodeURIComponent(challenge)}`, { method: 'PUT', body: '{}' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: string }).error, 'invalid_request');
  });

  it('sends a login rejection to the client as its error', async () => {
    const browser = newBrowser(server);
    const { auth, challenge } = await toLogin(browser);
    const { data } = await admin.rejectOAuth2LoginRequest({ loginChallenge: challenge, rejectOAuth2Request: { error: 'access_denied', error_description: 'The resource owner denied the request' } });
    const callback = (await browser.navigate(data.redirect_to)).url;
    assert.equal(where(callback), REDIRECT_URI);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('error_description'), 'The resource owner denied the request');
    assert.equal(callback.searchParams.get('state'), auth.state);
  });

  it('sends a consent rejection to the client as its error', async () => {
    const browser = newBrowser(server);
    const { challenge } = await toLogin(browser);
    const consentChallenge = await toConsent(browser, challenge, { subject: 'user-2' });
    const { data } = await admin.rejectOAuth2ConsentRequest({ consentChallenge, rejectOAuth2Request: { error: 'access_denied' } });
    const callback = (await browser.navigate(data.redirect_to)).url;
    assert.equal(callback.searchParams.get('error'), 'access_denied');
  });

  it('remembers login and consent: the next flow reaches both UIs with skip=true', async () => {
    const browser = newBrowser(server);
    await fullFlow(browser, 'user-3', {
      login: { remember: true, remember_for: 3600, acr: '2' },
      consent: { grant_scope: ['openid', 'offline'], remember: true, remember_for: 3600, session: { id_token: { name: 'Three' } } },
    });
    const { auth, challenge } = await toLogin(browser);
    const { data: login } = await admin.getOAuth2LoginRequest({ loginChallenge: challenge });
    assert.equal(login.skip, true);
    assert.equal(login.subject, 'user-3');
    assert.ok(login.session_id);
    const consentChallenge = await toConsent(browser, challenge, { subject: 'user-3' });
    const { data: consent } = await admin.getOAuth2ConsentRequest({ consentChallenge });
    assert.equal(consent.skip, true);
    const callback = await acceptConsent(browser, consentChallenge, { grant_scope: consent.requested_scope, session: { id_token: { name: 'Three' } } });
    const tokens = await tokensFor(auth, callback);
    assert.equal(decodeJwt(tokens.id_token!).sub, 'user-3');

    // prompt=login forces the form although the session is remembered.
    const forced = await toLogin(browser, { prompt: 'login' });
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: forced.challenge })).data.skip, false);
    const select = await toLogin(browser, { prompt: 'select_account' });
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: select.challenge })).data.skip, false);
    const selected = await toConsent(browser, select.challenge, { subject: 'user-3' });
    assert.equal((await admin.getOAuth2ConsentRequest({ consentChallenge: selected })).data.subject, 'user-3');
    // prompt=consent forces the consent form.
    const again = await toLogin(browser, { prompt: 'consent' });
    const consentAgain = await toConsent(browser, again.challenge, { subject: 'user-3' });
    assert.equal((await admin.getOAuth2ConsentRequest({ consentChallenge: consentAgain })).data.skip, false);
    // max_age that has passed forces the form too.
    await new Promise((r) => setTimeout(r, 2100));
    const aged = await toLogin(browser, { max_age: '1' });
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: aged.challenge })).data.skip, false);
  });

  it('decides consent skip by the newest remembered consent that was not itself a skip, as Hydra', async () => {
    const browser = newBrowser(server);
    const subject = 'user-13';
    const consentSkip = async (params: Record<string, string> = {}) => {
      const { challenge } = await toLogin(browser, params);
      const consentChallenge = await toConsent(browser, challenge, { subject, remember: true });
      const { data } = await admin.getOAuth2ConsentRequest({ consentChallenge });
      return { consentChallenge, skip: data.skip };
    };
    // A: remembered with everything asked for.
    await fullFlow(browser, subject, { login: { remember: true }, consent: { grant_scope: ['openid', 'offline'], remember: true } });
    // B: skipped thanks to A, accepted (and remembered) with less: a skip never becomes the source of a skip.
    const b = await consentSkip();
    assert.equal(b.skip, true);
    await acceptConsent(browser, b.consentChallenge, { grant_scope: ['openid'], remember: true });
    assert.equal((await consentSkip()).skip, true, 'A still decides: B was a skip');
    // D: asked again (prompt=consent), and the person granted less this time, remembered.
    const d = await consentSkip({ prompt: 'consent' });
    assert.equal(d.skip, false);
    await acceptConsent(browser, d.consentChallenge, { grant_scope: ['openid'], remember: true });
    // The newest remembered consent (D) does not cover `offline`: the form shows again, although A would have.
    assert.equal((await consentSkip()).skip, false);
    // Listing shows the consents the person gave, never the skips.
    const { data: sessions } = await admin.listOAuth2ConsentSessions({ subject });
    assert.deepEqual(sessions.map((s) => s.grant_scope).sort(), [['openid'], ['openid', 'offline']]);
  });

  it('does not keep a session when remember=false', async () => {
    const browser = newBrowser(server);
    await fullFlow(browser, 'user-4', { login: { remember: false } });
    const { challenge } = await toLogin(browser);
    const { data } = await admin.getOAuth2LoginRequest({ loginChallenge: challenge });
    assert.equal(data.skip, false);
    assert.equal(data.subject, '');
    // Another subject can log in in the same browser.
    const consentChallenge = await toConsent(browser, challenge, { subject: 'user-4b' });
    assert.equal((await admin.getOAuth2ConsentRequest({ consentChallenge })).data.subject, 'user-4b');
  });

  it('prompt=none: login_required without a session, consent_required without a remembered consent, else a code', async () => {
    const fresh = newBrowser(server);
    const none = await authorize(fresh, { prompt: 'none' });
    assert.equal(where(none.stop), REDIRECT_URI);
    assert.equal(none.stop.searchParams.get('error'), 'login_required');
    assert.equal(none.stop.searchParams.get('state'), none.auth.state);

    const browser = newBrowser(server);
    await fullFlow(browser, 'user-5', { login: { remember: true } });
    const noConsent = await authorize(browser, { prompt: 'none' });
    assert.equal(noConsent.stop.searchParams.get('error'), 'consent_required');

    await fullFlow(browser, 'user-5', { consent: { grant_scope: ['openid', 'offline'], remember: true, session: { id_token: { team: 'x' } } } });
    const silent = await authorize(browser, { prompt: 'none' });
    const tokens = await tokensFor(silent.auth, silent.stop);
    const idToken = decodeJwt(tokens.id_token!);
    assert.equal(idToken.sub, 'user-5');
    assert.equal(idToken.team, 'x');

    // Refresh-token reuse revokes the grant; the remembered consent still answers prompt=none.
    await refresh(server, client, tokens.refresh_token!);
    assert.equal((await refresh(server, client, tokens.refresh_token!)).status, 400);
    const again = await authorize(browser, { prompt: 'none' });
    assert.equal(decodeJwt((await tokensFor(again.auth, again.stop)).id_token!).team, 'x');
  });

  it('restarts with prompt=login when another subject than the remembered one is accepted', async () => {
    const browser = newBrowser(server);
    await fullFlow(browser, 'user-6', { login: { remember: true } });
    const { auth, challenge } = await toLogin(browser);
    const { data } = await admin.acceptOAuth2LoginRequest({ loginChallenge: challenge, acceptOAuth2LoginRequest: { subject: 'user-7' } });
    const restart = new URL(data.redirect_to);
    assert.equal(restart.pathname, '/oauth2/auth');
    assert.equal(restart.searchParams.get('prompt'), 'login');
    const relogin = (await browser.navigate(restart)).url;
    const second = relogin.searchParams.get('login_challenge')!;
    const { data: login } = await admin.getOAuth2LoginRequest({ loginChallenge: second });
    assert.equal(login.skip, false);
    const consentChallenge = await toConsent(browser, second, { subject: 'user-7', remember: true });
    const callback = await acceptConsent(browser, consentChallenge, { grant_scope: ['openid'] });
    const tokens = await tokensFor(auth, callback);
    assert.equal(decodeJwt(tokens.id_token!).sub, 'user-7');
  });

  it('rotates refresh tokens and revokes the family when a spent one is reused', async () => {
    const tokens = await fullFlow(newBrowser(server), 'user-8');
    const first = await refresh(server, client, tokens.refresh_token!);
    const rotated = (await first.json()) as Tokens;
    assert.equal(first.status, 200, JSON.stringify(rotated));
    assert.notEqual(rotated.refresh_token, tokens.refresh_token);
    assert.equal(decodeJwt(rotated.id_token!).sub, 'user-8');
    assert.equal((await userinfo(server, rotated.access_token)).status, 200);
    const active = async (token: string) => (await admin.introspectOAuth2Token({ token })).data.active;
    assert.equal(await active(rotated.access_token), true);
    assert.equal(await active(rotated.refresh_token!), true);
    assert.equal(await active(tokens.refresh_token!), false, 'a spent refresh token is inactive');

    const reuse = await refresh(server, client, tokens.refresh_token!);
    assert.equal(reuse.status, 400);
    assert.equal(((await reuse.json()) as { error: string }).error, 'invalid_grant');
    // The reuse revoked the whole family, including what introspection had just seen active.
    assert.equal(await active(rotated.access_token), false);
    assert.equal(await active(rotated.refresh_token!), false);
    assert.equal((await refresh(server, client, rotated.refresh_token!)).status, 400);
    assert.equal((await userinfo(server, rotated.access_token)).status, 401);
  });

  it('keeps offline_access with prompt=login, as Hydra does', async () => {
    const browser = newBrowser(server);
    const { auth, challenge } = await toLogin(browser, { prompt: 'login', scope: 'openid offline_access' });
    const consentChallenge = await toConsent(browser, challenge, { subject: 'user-15' });
    const { data: consent } = await admin.getOAuth2ConsentRequest({ consentChallenge });
    assert.deepEqual(consent.requested_scope, ['openid', 'offline_access']);
    const tokens = await tokensFor(auth, await acceptConsent(browser, consentChallenge, { grant_scope: consent.requested_scope }));
    assert.equal(tokens.scope, 'openid offline_access');
    assert.ok(tokens.refresh_token);
  });

  it('issues no refresh token without offline or offline_access granted', async () => {
    const tokens = await fullFlow(newBrowser(server), 'user-9', { consent: { grant_scope: ['openid'] } });
    assert.equal(tokens.refresh_token, undefined);
    assert.equal(tokens.scope, 'openid');
  });

  it('checks the audience parameter against the client', async () => {
    const { stop } = await authorize(newBrowser(server), { audience: 'https://evil.example.com' });
    assert.equal(where(stop), REDIRECT_URI);
    assert.equal(stop.searchParams.get('error'), 'invalid_request');
  });

  it('lists and revokes consent sessions; revoked tokens stop working', async () => {
    const other = await createTestClient(server);
    const browser = newBrowser(server);
    const tokens = await fullFlow(browser, 'user-10', { consent: { grant_scope: ['openid', 'offline'], remember: true, remember_for: 0, session: { access_token: { k: 1 } } } });
    const { data: sessions, headers } = await admin.listOAuth2ConsentSessions({ subject: 'user-10' });
    assertMatchesSpec('GET', '/admin/oauth2/auth/sessions/consent', 200, sessions);
    assert.equal(sessions.length, 1);
    assert.deepEqual(sessions[0]!.grant_scope, ['openid', 'offline']);
    assert.equal(sessions[0]!.remember, true);
    assert.equal(sessions[0]!.consent_request?.subject, 'user-10');
    assert.deepEqual(sessions[0]!.session?.access_token, { k: 1 });
    assert.match(String(headers.link), /rel="first"/);
    assert.deepEqual((await admin.listOAuth2ConsentSessions({ subject: 'nobody' })).data, []);

    const bad = await fetch(`${server.adminUrl}/admin/oauth2/auth/sessions/consent?subject=user-10`, { method: 'DELETE' });
    assert.equal(bad.status, 400);
    await admin.revokeOAuth2ConsentSessions({ subject: 'user-10', client: other.client_id });
    assert.equal((await userinfo(server, tokens.access_token)).status, 200);
    const active = async (token: string) => (await admin.introspectOAuth2Token({ token })).data.active;
    assert.equal(await active(tokens.access_token), true);
    assert.equal(await active(tokens.refresh_token!), true);

    await admin.revokeOAuth2ConsentSessions({ subject: 'user-10', client: client.client_id });
    assert.deepEqual((await admin.listOAuth2ConsentSessions({ subject: 'user-10' })).data, []);
    assert.equal(await active(tokens.access_token), false);
    assert.equal(await active(tokens.refresh_token!), false);
    assert.equal((await userinfo(server, tokens.access_token)).status, 401);
    assert.equal((await refresh(server, client, tokens.refresh_token!)).status, 400);

    const more = await fullFlow(browser, 'user-10');
    await admin.revokeOAuth2ConsentSessions({ subject: 'user-10', all: true });
    assert.equal((await userinfo(server, more.access_token)).status, 401);
  });

  it('revokes one consent session by consent_request_id', async () => {
    const browser = newBrowser(server);
    const tokens = await fullFlow(browser, 'user-14');
    const [session] = (await admin.listOAuth2ConsentSessions({ subject: 'user-14' })).data;
    await admin.revokeOAuth2ConsentSessions({ consentRequestId: session!.consent_request_id });
    assert.deepEqual((await admin.listOAuth2ConsentSessions({ subject: 'user-14' })).data, []);
    assert.equal((await userinfo(server, tokens.access_token)).status, 401);
  });

  it('ends login sessions by subject or by sid', async () => {
    const browser = newBrowser(server);
    await fullFlow(browser, 'user-11', { login: { remember: true } });
    await admin.revokeOAuth2LoginSessions({ subject: 'user-11' });
    const { challenge } = await toLogin(browser);
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: challenge })).data.skip, false);

    const tokens = await fullFlow(browser, 'user-11', { login: { remember: true } });
    const sid = String(decodeJwt(tokens.id_token!).sid);
    const { challenge: remembered } = await toLogin(browser);
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: remembered })).data.session_id, sid);
    await admin.revokeOAuth2LoginSessions({ sid });
    const { challenge: after } = await toLogin(browser);
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: after })).data.skip, false);
    assert.equal((await fetch(`${server.adminUrl}/admin/oauth2/auth/sessions/login`, { method: 'DELETE' })).status, 400);
  });

  it('runs RP-initiated logout through the logout challenge', async () => {
    const browser = newBrowser(server);
    const tokens = await fullFlow(browser, 'user-12', { login: { remember: true } });
    const logoutUrl = new URL(`${server.publicUrl}/oauth2/sessions/logout`);
    logoutUrl.search = new URLSearchParams({ id_token_hint: tokens.id_token!, post_logout_redirect_uri: POST_LOGOUT_URI, state: 'bye' }).toString();

    // Rejected: Hydra does nothing further, the session stays.
    const rejected = (await browser.navigate(logoutUrl)).url;
    assert.equal(where(rejected), `${UI}/logout`);
    const rejectChallenge = rejected.searchParams.get('logout_challenge')!;
    const rejectRes = await admin.rejectOAuth2LogoutRequest({ logoutChallenge: rejectChallenge });
    assert.equal(rejectRes.status, 204);

    const stop = (await browser.navigate(logoutUrl)).url;
    const challenge = stop.searchParams.get('logout_challenge')!;
    const { data: request } = await admin.getOAuth2LogoutRequest({ logoutChallenge: challenge });
    assertMatchesSpec('GET', '/admin/oauth2/auth/requests/logout', 200, request);
    assert.equal(request.subject, 'user-12');
    assert.equal(request.sid, decodeJwt(tokens.id_token!).sid);
    assert.equal(request.rp_initiated, true);
    assert.equal(request.client?.client_id, client.client_id);
    assert.equal(new URL(request.request_url!).pathname, '/oauth2/sessions/logout');

    const { data } = await admin.acceptOAuth2LogoutRequest({ logoutChallenge: challenge });
    assert.equal(new URL(data.redirect_to).origin, server.publicUrl);
    const done = (await browser.navigate(data.redirect_to)).url;
    assert.equal(where(done), POST_LOGOUT_URI);
    assert.equal(done.searchParams.get('state'), 'bye');
    assert.equal((await fetch(`${server.adminUrl}/admin/oauth2/auth/requests/logout?logout_challenge=${encodeURIComponent(challenge)}`)).status, 404);
    // A logout verifier is single-use.
    const reused = (await browser.navigate(data.redirect_to)).url;
    assert.equal(where(reused), `${UI}/error`);

    // The login session is gone: the next login is not skipped, a new logout goes straight to the destination.
    const { challenge: next } = await toLogin(browser);
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: next })).data.skip, false);
    const straight = (await browser.navigate(logoutUrl)).url;
    assert.equal(where(straight), POST_LOGOUT_URI);
    // A hint for an older login session logs nothing out of the new one.
    await fullFlow(browser, 'user-12', { login: { remember: true } });
    assert.equal(where((await browser.navigate(logoutUrl)).url), POST_LOGOUT_URI);
    const { challenge: stillRemembered } = await toLogin(browser);
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: stillRemembered })).data.skip, true);
  });

  it('sends a back-channel logout_token when a logout is accepted', async () => {
    const received: string[] = [];
    const port = await freePort();
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(new URLSearchParams(body).get('logout_token') ?? '');
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(port, '127.0.0.1', r));
    try {
      const rp = await createTestClient(server, { backchannel_logout_uri: `http://127.0.0.1:${port}/bc`, backchannel_logout_session_required: true });
      const browser = newBrowser(server);
      const { auth, challenge } = await toLogin(browser, {}, rp);
      const consentChallenge = await toConsent(browser, challenge, { subject: 'user-16', remember: true });
      const tokens = await tokensFor(auth, await acceptConsent(browser, consentChallenge, { grant_scope: ['openid'] }), rp);
      const stop = (await browser.navigate(`${server.publicUrl}/oauth2/sessions/logout?id_token_hint=${tokens.id_token}`)).url;
      const { data } = await admin.acceptOAuth2LogoutRequest({ logoutChallenge: stop.searchParams.get('logout_challenge')! });
      await browser.navigate(data.redirect_to);
      assert.equal(received.length, 1);
      const logoutToken = decodeJwt(received[0]!);
      assert.equal(logoutToken.sub, 'user-16');
      assert.equal(logoutToken.sid, decodeJwt(tokens.id_token!).sid);
      assert.ok((logoutToken.events as Record<string, unknown>)['http://schemas.openid.net/event/backchannel-logout']);
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });

  it('runs OP-initiated logout with client null and ends at URLS_POST_LOGOUT_REDIRECT', async () => {
    const browser = newBrowser(server);
    await fullFlow(browser, 'user-13', { login: { remember: true } });
    const stop = (await browser.navigate(`${server.publicUrl}/oauth2/sessions/logout`)).url;
    const challenge = stop.searchParams.get('logout_challenge')!;
    const { data: request } = await admin.getOAuth2LogoutRequest({ logoutChallenge: challenge });
    assert.equal(request.rp_initiated, false);
    assert.equal(request.client, null);
    const { data } = await admin.acceptOAuth2LogoutRequest({ logoutChallenge: challenge });
    assert.equal((await browser.navigate(data.redirect_to)).url.toString(), `${UI}/`);
  });

  it('rejects a logout with state but no id_token_hint to URLS_ERROR', async () => {
    const stop = (await newBrowser(server).navigate(`${server.publicUrl}/oauth2/sessions/logout?state=x`)).url;
    assert.equal(where(stop), `${UI}/error`);
    assert.equal(stop.searchParams.get('error'), 'invalid_request');
  });

  it('redirects errors that cannot go back to the client to URLS_ERROR', async () => {
    const unknown = await authorize(newBrowser(server), {}, { client_id: 'no-such-client', client_secret: 'x' });
    assert.equal(where(unknown.stop), `${UI}/error`);
    assert.equal(unknown.stop.searchParams.get('error'), 'invalid_client');
    assert.ok(unknown.stop.searchParams.get('error_description'));

    const url = authorizationUrl(server, client).url;
    url.searchParams.set('redirect_uri', 'http://127.0.0.1:9/not-registered');
    const badRedirect = (await newBrowser(server).navigate(url)).url;
    assert.equal(where(badRedirect), `${UI}/error`);
  });

  it('sends prompt=registration to URLS_REGISTRATION with a login challenge', async () => {
    const { stop } = await authorize(newBrowser(server), { prompt: 'registration' });
    assert.equal(where(stop), `${UI}/registration`);
    const challenge = stop.searchParams.get('login_challenge')!;
    assert.equal((await admin.getOAuth2LoginRequest({ loginChallenge: challenge })).data.challenge, challenge);
  });

  it('builds discovery endpoints on the issuer, not on the Host header', async () => {
    const res = await fetch(`${server.publicUrl}/.well-known/openid-configuration`, { headers: { 'x-forwarded-host': 'evil.example.com' } });
    const discovery = (await res.json()) as { authorization_endpoint: string; end_session_endpoint: string };
    assert.equal(discovery.authorization_endpoint, `${server.publicUrl}/oauth2/auth`);
    assert.equal(discovery.end_session_endpoint, `${server.publicUrl}/oauth2/sessions/logout`);
  });
});

describe('token server: expired challenges', () => {
  let server: TestTokenServer;
  before(async () => {
    server = await startTestTokenServer({ TTL_LOGIN_CONSENT_REQUEST: '1s' });
  });
  after(async () => server.close());

  it('answers 401 request_unauthorized for a challenge older than TTL_LOGIN_CONSENT_REQUEST', async () => {
    const client = await createTestClient(server);
    const stop = (await newBrowser(server).navigate(authorizationUrl(server, client).url)).url;
    const challenge = stop.searchParams.get('login_challenge')!;
    await new Promise((r) => setTimeout(r, 2100));
    const { status, body } = await expectHttpError('GET', '/admin/oauth2/auth/requests/login', () => adminApi(server).getOAuth2LoginRequest({ loginChallenge: challenge }));
    assert.equal(status, 401);
    assert.equal(body.error, 'request_unauthorized');
  });
});
