// One OAuth2 authorization-code flow with PKCE, driven like a browser through whichever login and
// consent app the token server sends it to (Gatehouse's or Ory's reference app), then the code exchange.
import { randomBytes } from 'node:crypto';
import { FlowClient, pkcePair } from './flow-client';

export type FlowOptions = {
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  email: string;
  password: string;
  remember: boolean;
};

export type FlowResult = {
  tokens: { access_token: string; id_token?: string; refresh_token?: string; scope: string };
  sawLogin: boolean;
  sawConsent: boolean;
};

export async function authorizationCodeFlow(client: FlowClient, o: FlowOptions): Promise<FlowResult> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(12).toString('base64url');
  const auth = new URL('/oauth2/auth', o.publicUrl);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: o.clientId, redirect_uri: o.redirectUri, scope: o.scope, state,
    nonce: randomBytes(12).toString('base64url'), code_challenge: challenge, code_challenge_method: 'S256',
  })) auth.searchParams.set(k, v);

  const atCallback = (u: URL) => u.href.startsWith(o.redirectUri);
  let page = await client.follow(auth, atCallback);
  let sawLogin = false;
  let sawConsent = false;
  for (let i = 0; i < 4 && !atCallback(page.url); i++) {
    if (page.status !== 200) throw new Error(`unexpected ${page.status} at ${page.url.pathname}: ${page.body.slice(0, 200)}`);
    if (/id="password"/.test(page.body)) {
      sawLogin = true;
      const s = client.submission(page.url, page.body, 'accept', (fields) => {
        for (const f of fields) {
          if (f.id === 'email') f.value = o.email;
          if (f.id === 'password') f.value = o.password;
          if (f.id === 'remember') f.checked = o.remember;
        }
      });
      page = await client.follow(s.target, atCallback, s.init);
    } else if (/id="accept"/.test(page.body)) {
      sawConsent = true;
      const s = client.submission(page.url, page.body, 'accept', (fields) => {
        for (const f of fields) if (f.type === 'checkbox') f.checked = f.id === 'remember' ? o.remember : true;
      });
      page = await client.follow(s.target, atCallback, s.init);
    } else {
      throw new Error(`neither a login nor a consent form at ${page.url.pathname}: ${page.body.slice(0, 200)}`);
    }
  }
  if (!atCallback(page.url)) throw new Error(`the flow did not reach the client (last page ${page.url.pathname})`);
  if (page.url.searchParams.get('state') !== state) throw new Error('state mismatch at the callback');
  const code = page.url.searchParams.get('code');
  if (!code) throw new Error(`no code at the callback: ${page.url.searchParams.get('error')} ${page.url.searchParams.get('error_description')}`);

  const res = await client.request(new URL('/oauth2/token', o.publicUrl), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: o.redirectUri, code_verifier: verifier }).toString(),
  });
  if (res.status !== 200) throw new Error(`code exchange failed: ${res.status} ${res.body}`);
  return { tokens: JSON.parse(res.body) as FlowResult['tokens'], sawLogin, sawConsent };
}
