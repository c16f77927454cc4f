import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChallengeExpired, ChallengeHandled, ChallengeNotFound, HydraUnavailable, toHydraError } from '../../lib/hydra/errors';
import { restartWithLogin } from '../../lib/hydra/restart-login';
import { toClientInfo } from '../../lib/hydra/types';

const httpError = (status: number, data: unknown = {}) => Object.assign(new Error('Request failed'), { isAxiosError: true, response: { status, data } });

describe('Hydra admin errors', () => {
  it('maps 404 and 400 to an unknown challenge, 401 to expired', () => {
    assert.ok(toHydraError(httpError(404)) instanceof ChallengeNotFound);
    assert.ok(toHydraError(httpError(400)) instanceof ChallengeNotFound);
    assert.ok(toHydraError(httpError(401)) instanceof ChallengeExpired);
  });
  it('keeps the redirect_to of a 410', () => {
    const err = toHydraError(httpError(410, { redirect_to: 'http://127.0.0.1:4444/oauth2/auth?x=1' }));
    assert.ok(err instanceof ChallengeHandled);
    assert.equal(err.redirectTo, 'http://127.0.0.1:4444/oauth2/auth?x=1');
  });
  it('treats network failures and 5xx as Hydra being unavailable', () => {
    assert.ok(toHydraError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) instanceof HydraUnavailable);
    assert.ok(toHydraError(httpError(503)) instanceof HydraUnavailable);
  });
});

describe('client and restart URLs', () => {
  it('falls back to the client id and drops non-http links', () => {
    const info = toClientInfo({ client_id: 'abc', client_name: ' ', policy_uri: 'javascript:alert(1)', tos_uri: 'https://example.com/tos' });
    assert.equal(info.name, 'abc');
    assert.equal(info.policyUri, undefined);
    assert.equal(info.tosUri, 'https://example.com/tos');
  });
  it('restarts only at Hydra\'s own authorization endpoint, with prompt=login', () => {
    const url = restartWithLogin('http://127.0.0.1:4444/oauth2/auth?client_id=a&prompt=consent&login_hint=x', 'http://127.0.0.1:4444/');
    assert.equal(url, 'http://127.0.0.1:4444/oauth2/auth?client_id=a&prompt=login');
    assert.equal(restartWithLogin('https://evil.example/oauth2/auth', 'http://127.0.0.1:4444'), undefined);
    assert.equal(restartWithLogin(undefined, 'http://127.0.0.1:4444'), undefined);
  });
});
