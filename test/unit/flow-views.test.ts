import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PageView } from '../../components/flow-pages/document';
import { loginView } from '../../components/flow-pages/login-view';
import { toHtmlString } from '../../lib/html/html';
import { toClientInfo } from '../../lib/hydra/types';
import { messagesFor } from '../../lib/i18n/messages';

const view: PageView = { lang: 'en', m: messagesFor('en'), brand: { name: 'Gatehouse', accentColor: '#4f46e5' }, stylesheetHref: '/assets/flow-0123456789.css' };
const client = toClientInfo({ client_id: 'rp', client_name: 'Test Relying Party' });

/** The opening tag of the element with that id. */
function tag(page: string, id: string): string {
  const found = new RegExp(`<[a-z]+ id="${id}"[^>]*>`).exec(page);
  assert.ok(found, `no element #${id}`);
  return found[0];
}

describe('the login view', () => {
  it('sent back with an invalid e-mail: keeps what was typed, never the password, and points at the error', () => {
    const page = toHtmlString(
      loginView(view, {
        action: '/login?login_challenge=abc',
        challenge: 'abc',
        csrfToken: 'token',
        client,
        state: { fieldErrors: { email: 'emailInvalid', password: 'passwordMissing' }, email: 'ada@example', remember: true },
      }),
    );
    const email = tag(page, 'email');
    assert.match(email, /value="ada@example"/);
    assert.match(email, /aria-invalid="true"/);
    assert.match(email, /aria-describedby="email-error"/);
    assert.match(email, / autofocus/);
    assert.match(tag(page, 'email-error'), /<p /);
    assert.match(page, /Enter your e-mail address, like name@example\.com\./);

    const password = tag(page, 'password');
    assert.doesNotMatch(password, /value=/);
    assert.match(password, /aria-invalid="true"/);
    assert.match(password, /aria-describedby="password-error"/);
    assert.doesNotMatch(password, /autofocus/, 'only the first invalid field takes the focus');
    assert.match(tag(page, 'remember'), / checked/);
    assert.doesNotMatch(page, /<script/i);
  });

  it('after a wrong password: the alert describes the password field, the e-mail stays, nothing is marked invalid', () => {
    const page = toHtmlString(
      loginView(view, { action: '/login?login_challenge=abc', challenge: 'abc', csrfToken: 'token', client, state: { signInError: 'wrongCredentials', email: 'ada@example.com' } }),
    );
    assert.match(tag(page, 'sign-in-error'), /role="alert"/);
    assert.match(tag(page, 'email'), /value="ada@example.com"/);
    assert.match(tag(page, 'password'), /aria-describedby="sign-in-error"/);
    assert.doesNotMatch(page, /aria-invalid|autofocus/);
    assert.match(page, /<html lang="en">.*<main lang="en"/s);
    assert.match(page, /<link rel="stylesheet" href="\/assets\/flow-0123456789\.css">/);
  });

  it('first shown: the login hint fills the e-mail field, and the form posts back to its own URL with its tokens', () => {
    const page = toHtmlString(loginView(view, { action: '/login?login_challenge=a&b', challenge: 'a', csrfToken: 't"k', client, loginHint: 'ada@example.com', state: {} }));
    assert.match(tag(page, 'email'), /value="ada@example.com"/);
    assert.match(page, /<form method="post" action="\/login\?login_challenge=a&amp;b"/);
    assert.match(page, /<input type="hidden" name="challenge" value="a"><input type="hidden" name="csrf_token" value="t&quot;k">/);
  });
});
