// `gatehouse` as a subprocess against a real token server: Hydra's five-minute walkthrough with
// `gatehouse` in place of `hydra`, the client commands, every output format and the error cases.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gatehouse, parseYaml } from '../support/cli';
import { tempDir } from '../support/databases';
import { freePort } from '../support/ports';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

type Client = { client_id: string; client_secret?: string; client_name?: string; grant_types: string[]; scope: string; audience: string[]; skip_consent: boolean; metadata: Record<string, unknown> };

const json = <T>(text: string) => JSON.parse(text) as T;

describe('gatehouse CLI: clients and tokens', () => {
  let server: TestTokenServer;
  let admin: string;
  let pub: string;
  let client: Client;

  before(async () => {
    server = await startTestTokenServer();
    admin = server.adminUrl;
    pub = server.publicUrl;
  });
  after(async () => server.close());

  it('walkthrough: create a client_credentials client, get a token, introspect it', async () => {
    const created = await gatehouse(['create', 'oauth2-client', '-e', admin, '--grant-type', 'client_credentials', '--format', 'json']);
    assert.equal(created.code, 0, created.stderr);
    client = json<Client>(created.stdout);
    assert.deepEqual(client.grant_types, ['client_credentials']);
    assert.equal(client.client_secret?.length, 26);

    const performed = await gatehouse(['perform', 'client-credentials', '-e', admin, '--public-endpoint', pub, '--client-id', client.client_id, '--client-secret', client.client_secret!, '--format', 'json']);
    assert.equal(performed.code, 0, performed.stderr);
    const token = json<{ access_token: string; token_type: string }>(performed.stdout);
    assert.match(token.access_token, /^ory_at_/);

    const introspected = await gatehouse(['introspect', 'token', '-e', admin, '--format', 'json-pretty', token.access_token]);
    assert.equal(introspected.code, 0, introspected.stderr);
    const result = json<{ active: boolean; client_id: string }>(introspected.stdout);
    assert.equal(result.active, true);
    assert.equal(result.client_id, client.client_id);
    assert.match(introspected.stdout, /\n {2}"active": true/);

    const table = await gatehouse(['introspect', 'token', '-e', admin, token.access_token]);
    assert.match(table.stdout, /^ACTIVE\s+true$/m);

    const tampered = token.access_token.slice(0, -2) + (token.access_token.endsWith('AA') ? 'BB' : 'AA');
    const inactive = await gatehouse(['introspect', 'token', '-e', admin, '--format', 'json', tampered]);
    assert.equal(inactive.code, 0, inactive.stderr);
    assert.deepEqual(json(inactive.stdout), { active: false });
  });

  it('reads OAUTH2_CLIENT_ID/SECRET and, like hydra perform, takes -e as the public URL when it is not on port 4445', async () => {
    const res = await gatehouse(['perform', 'client-credentials', '-e', pub, '-q'], {
      env: { OAUTH2_CLIENT_ID: client.client_id, OAUTH2_CLIENT_SECRET: client.client_secret! },
    });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout.trim(), /^ory_at_\S+$/);
  });

  it('prints every output format: table, json, json-pretty, yaml, quiet', async () => {
    const base = ['get', 'oauth2-client', '-e', admin, client.client_id];
    const table = await gatehouse(base);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`^CLIENT ID\\s+${client.client_id}$`, 'm'));
    assert.match(table.stdout, /^GRANT TYPES\s+client_credentials$/m);

    const list = await gatehouse(['list', 'oauth2-clients', '-e', admin]);
    const header = list.stdout.split('\n')[0]!;
    assert.match(header, /^CLIENT ID\s+CLIENT SECRET\s+GRANT TYPES\s+RESPONSE TYPES\s+SCOPE\s+AUDIENCE\s+REDIRECT URIS$/);
    const row = list.stdout.split('\n')[1]!;
    assert.equal(row.indexOf('client_credentials'), header.indexOf('GRANT TYPES'), 'columns are aligned');

    const fromJson = json<Client>((await gatehouse([...base, '--format', 'json'])).stdout);
    const pretty = (await gatehouse([...base, '--format', 'json-pretty'])).stdout;
    assert.deepEqual(json(pretty), fromJson);
    assert.match(pretty, /^ {2}"client_id"/m);
    const yaml = (await gatehouse([...base, '--format', 'yaml'])).stdout;
    assert.deepEqual(parseYaml(yaml), fromJson);
    assert.equal((await gatehouse([...base, '-q'])).stdout, `${client.client_id}\n`);
    assert.equal((await gatehouse([...base, '--format', 'jsonpointer=/grant_types/0'])).stdout, 'client_credentials\n');
  });

  it('creates with Hydra flags, updates only the given fields, lists by page, deletes', async () => {
    const created = await gatehouse(
      ['create', 'oauth2-client', '-e', admin, '--id', 'cli-two', '--name', 'Two', '--grant-type', 'client_credentials', '--scope', 'read,write', '--scope', 'admin', '--audience', 'api', '--metadata', '{"team":"x"}', '--secret-stdin', '--format', 'json'],
      { input: 'a-long-secret\n' },
    );
    assert.equal(created.code, 0, created.stderr);
    const two = json<Client>(created.stdout);
    assert.equal(two.scope, 'read write admin');
    assert.deepEqual(two.audience, ['api']);
    assert.equal(two.client_secret, 'a-long-secret');
    assert.doesNotMatch(created.stderr, /Warning/);

    const token = await gatehouse(['perform', 'client-credentials', '--public-endpoint', pub, '--client-id', 'cli-two', '--client-secret', 'a-long-secret', '--scope', 'read', '--audience', 'api', '--format', 'json']);
    assert.equal(token.code, 0, token.stderr);

    const updated = await gatehouse(['update', 'oauth2-client', '-e', admin, 'cli-two', '--name', 'Renamed', '--skip-consent', '--format', 'json']);
    assert.equal(updated.code, 0, updated.stderr);
    const u = json<Client>(updated.stdout);
    assert.equal(u.client_name, 'Renamed');
    assert.equal(u.skip_consent, true);
    assert.equal(u.scope, 'read write admin', 'fields without flags keep their value');
    assert.deepEqual(u.metadata, { team: 'x' });

    const withSecretFlag = await gatehouse(['create', 'oauth2-client', '-e', admin, '--secret', 'visible-secret', '-q']);
    assert.equal(withSecretFlag.code, 0);
    assert.match(withSecretFlag.stderr, /Warning: a secret passed with --secret/);

    const first = json<{ items: Client[]; next_page_token: string; is_last_page: boolean }>((await gatehouse(['list', 'oauth2-clients', '-e', admin, '--page-size', '1', '--format', 'json'])).stdout);
    assert.equal(first.items.length, 1);
    assert.equal(first.is_last_page, false);
    const second = json<{ items: Client[] }>((await gatehouse(['list', 'oauth2-clients', '-e', admin, '--page-size', '1', '--page-token', first.next_page_token, '--format', 'json'])).stdout);
    assert.notEqual(second.items[0]!.client_id, first.items[0]!.client_id);

    const deleted = await gatehouse(['delete', 'oauth2-client', '-e', admin, 'cli-two', withSecretFlag.stdout.trim()]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stdout, /^cli-two$/m);
    const gone = await gatehouse(['get', 'oauth2-client', '-e', admin, 'cli-two']);
    assert.equal(gone.code, 1);
  });

  it('imports clients from JSON files and reports the ones the server refuses', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'clients.json');
    fs.writeFileSync(file, JSON.stringify([{ client_id: 'imported-1', grant_types: ['client_credentials'] }, { client_id: 'imported-2', client_secret: 'short' }]));
    const res = await gatehouse(['import', 'oauth2-client', '-e', admin, file, '--format', 'json']);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(res.code, 1);
    const clients = json<Client[]>(res.stdout);
    assert.deepEqual(clients.map((c) => c.client_id), ['imported-1']);
    assert.match(res.stderr, /imported-2: invalid_client_metadata: .*at least 6 characters/);
  });

  it('revokes a token and deletes all access tokens of a client', async () => {
    const creds = ['--client-id', client.client_id, '--client-secret', client.client_secret!];
    const get = async () => (await gatehouse(['perform', 'client-credentials', '--public-endpoint', pub, ...creds, '-q'])).stdout.trim();
    const active = async (t: string) => json<{ active: boolean }>((await gatehouse(['introspect', 'token', '-e', admin, '--format', 'json', t])).stdout).active;

    const one = await get();
    const revoked = await gatehouse(['revoke', 'token', '--public-endpoint', pub, ...creds, one]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(await active(one), false);

    const two = await get();
    assert.equal(await active(two), true);
    const deleted = await gatehouse(['delete', 'access-tokens', '-e', admin, client.client_id]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(await active(two), false);
  });

  describe('errors', () => {
    it('an unreachable endpoint: exit 1, "cannot reach URL: connection refused"', async () => {
      const closed = `http://127.0.0.1:${await freePort()}`;
      const res = await gatehouse(['list', 'oauth2-clients', '-e', closed]);
      assert.equal(res.code, 1);
      assert.equal(res.stderr, `gatehouse: cannot reach ${closed}: connection refused\n`);
      const pubRes = await gatehouse(['perform', 'client-credentials', '--public-endpoint', closed, '--client-id', 'a', '--client-secret', 'b']);
      assert.equal(pubRes.code, 1);
      assert.equal(pubRes.stderr, `gatehouse: cannot reach ${closed}: connection refused\n`);
    });

    it('a bad flag: exit 2 with the usage line', async () => {
      const res = await gatehouse(['create', 'oauth2-client', '-e', admin, '--grant-typo', 'x']);
      assert.equal(res.code, 2);
      assert.match(res.stderr, /unknown flag --grant-typo/);
      assert.match(res.stderr, /^Usage: gatehouse create oauth2-client /m);
      const format = await gatehouse(['get', 'oauth2-client', '-e', admin, 'x', '--format', 'xml']);
      assert.equal(format.code, 2);
      assert.match(format.stderr, /--format expects one of table, json, json-pretty, yaml/);
      const noEndpoint = await gatehouse(['list', 'oauth2-clients']);
      assert.equal(noEndpoint.code, 2);
      assert.match(noEndpoint.stderr, /ORY_SDK_URL/);
      const unknown = await gatehouse(['create', 'thing']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown command "create thing"/);
    });

    it("a 404: exit 1 with Hydra's error", async () => {
      const res = await gatehouse(['get', 'oauth2-client', '-e', admin, 'does-not-exist']);
      assert.equal(res.code, 1);
      assert.match(res.stderr, /Unable to locate the resource \(HTTP 404\)/);
    });

    it("a refused request: exit 1 with Hydra's error and error_description", async () => {
      const res = await gatehouse(['perform', 'client-credentials', '--public-endpoint', pub, '--client-id', client.client_id, '--client-secret', 'wrong-secret']);
      assert.equal(res.code, 1);
      assert.match(res.stderr, /invalid_client.*\(HTTP 401\)/);
    });

    it('--help on every command shows the usage and an example', async () => {
      for (const cmd of [['create', 'oauth2-client'], ['introspect', 'token'], ['users', 'create'], ['janitor'], ['migrate'], ['perform', 'authorization-code']]) {
        const res = await gatehouse([...cmd, '--help']);
        assert.equal(res.code, 0);
        assert.match(res.stdout, new RegExp(`^Usage: gatehouse ${cmd.join(' ')}`));
        assert.match(res.stdout, /\nExample:\n {2}\S/);
      }
    });
  });
});
