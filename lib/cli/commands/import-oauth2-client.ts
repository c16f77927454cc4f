// gatehouse import oauth2-client FILE…: creates the clients in JSON files (an object or an array each).
import fs from 'node:fs';
import type { OAuth2Client } from '@ory/client';
import { clientTable } from '../client-output';
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { CliError, UsageError } from '../errors';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { note, outputFormat, printTable } from '../output';

function readClients(file: string): OAuth2Client[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (!list.every((c) => c && typeof c === 'object' && !Array.isArray(c))) throw new UsageError(`${file}: expected a JSON object or an array of objects`);
  return list as OAuth2Client[];
}

export const importClientCommand = defineCommand({
  name: 'import oauth2-client',
  aliases: ['import client', 'import oauth2-clients'],
  summary: 'create OAuth 2.0 clients from JSON files',
  usage: 'FILE... [-e URL]',
  description: 'Creates the clients described in each JSON file (one client object or an array of them; "-" reads standard input). Generated secrets are printed once.',
  flagsHelp: `${ENDPOINT_HELP}\n${FORMAT_HELP}`,
  example: `echo '[{"client_name":"a","grant_types":["client_credentials"]}]' > clients.json\ngatehouse import oauth2-client -e http://127.0.0.1:4445 clients.json`,
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS },
  positionals: { min: 1, max: Infinity },
  async run(flags, files) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const clients = files.flatMap((f) => readClients(f).map((client) => ({ file: f, client })));
    const api = adminApi(endpoint);
    const created: OAuth2Client[] = [];
    let failed = 0;
    for (const { file, client } of clients) {
      try {
        created.push((await adminCall(endpoint, () => api.createOAuth2Client({ oAuth2Client: client }))).data);
      } catch (err) {
        if (!(err instanceof CliError) || /cannot reach/.test(err.message)) throw err;
        note(`${file}: ${client.client_id ?? client.client_name ?? 'client'}: ${err.message}`);
        failed++;
      }
    }
    printTable(format, clientTable(created));
    return failed ? 1 : 0;
  },
});
