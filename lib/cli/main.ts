// The `gatehouse` command line: Hydra's verbs against any Hydra-compatible endpoint, plus serving,
// migrations and the app's users. Command modules are loaded only when run, so start-up stays fast.
import { CommandUsageError, type Command } from './command';
import { CliError } from './errors';

export type { Command } from './command';

type Entry = { name: string; aliases?: string[]; summary: string; load: () => Promise<Command> };

const COMMANDS: Entry[] = [
  { name: 'serve', summary: 'run the token server and the app', load: async () => (await import('./commands/serve')).serveCommand },
  { name: 'migrate', aliases: ['migrate sql up', 'migrate sql'], summary: 'apply database migrations (app and token server)', load: async () => (await import('./commands/migrate')).migrateCommand },
  { name: 'janitor', summary: 'delete expired tokens, codes and flows', load: async () => (await import('./commands/janitor')).janitorCommand },
  { name: 'create oauth2-client', aliases: ['create client'], summary: 'create an OAuth 2.0 client', load: async () => (await import('./commands/create-oauth2-client')).createClientCommand },
  { name: 'get oauth2-client', aliases: ['get client'], summary: 'show OAuth 2.0 clients', load: async () => (await import('./commands/get-oauth2-client')).getClientCommand },
  { name: 'list oauth2-clients', aliases: ['list clients'], summary: 'list OAuth 2.0 clients', load: async () => (await import('./commands/list-oauth2-clients')).listClientsCommand },
  { name: 'update oauth2-client', aliases: ['update client'], summary: 'change fields of an OAuth 2.0 client', load: async () => (await import('./commands/update-oauth2-client')).updateClientCommand },
  { name: 'delete oauth2-client', aliases: ['delete client'], summary: 'delete OAuth 2.0 clients', load: async () => (await import('./commands/delete-oauth2-client')).deleteClientCommand },
  { name: 'import oauth2-client', aliases: ['import client', 'import oauth2-clients'], summary: 'create OAuth 2.0 clients from JSON files', load: async () => (await import('./commands/import-oauth2-client')).importClientCommand },
  { name: 'perform client-credentials', summary: 'get a token with the client credentials grant', load: async () => (await import('./commands/perform-client-credentials')).performClientCredentialsCommand },
  { name: 'perform authorization-code', summary: 'sign in through the browser and get tokens (PKCE)', load: async () => (await import('./commands/perform-authorization-code')).performAuthorizationCodeCommand },
  { name: 'introspect token', summary: 'introspect an access or refresh token', load: async () => (await import('./commands/introspect-token')).introspectTokenCommand },
  { name: 'revoke token', summary: 'revoke an access or refresh token', load: async () => (await import('./commands/revoke-token')).revokeTokenCommand },
  { name: 'delete access-tokens', summary: "delete all of a client's access tokens", load: async () => (await import('./commands/delete-access-tokens')).deleteAccessTokensCommand },
  { name: 'users create', summary: 'add a person to the app', load: async () => (await import('./commands/users-create')).usersCreateCommand },
  { name: 'users list', summary: "list the app's people", load: async () => (await import('./commands/users-list')).usersListCommand },
  { name: 'users disable', summary: 'stop a person from signing in', load: async () => (await import('./commands/users-disable')).usersDisableCommand },
  { name: 'users enable', summary: 'let a disabled person sign in again', load: async () => (await import('./commands/users-disable')).usersEnableCommand },
  { name: 'users delete', summary: 'remove a person', load: async () => (await import('./commands/users-delete')).usersDeleteCommand },
  { name: 'users set-password', summary: "replace a person's password", load: async () => (await import('./commands/users-set-password')).usersSetPasswordCommand },
];

const placeholder = (group: string) => (group === 'users' ? 'action' : 'resource');

function usage(prefix?: string): string {
  const shown = prefix ? COMMANDS.filter((c) => c.name.startsWith(`${prefix} `)) : COMMANDS;
  const width = Math.max(...shown.map((c) => c.name.length)) + 2;
  return [
    `Usage: gatehouse ${prefix ? `${prefix} <${placeholder(prefix)}>` : '<command>'} [flags]`,
    '',
    'Commands:',
    ...shown.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `gatehouse <command> --help` for the flags and an example of a command.',
  ].join('\n');
}

/** The longest command name (or alias) that the arguments start with. */
function resolve(argv: string[]): { entry: Entry; rest: string[] } | undefined {
  for (const words of [3, 2, 1]) {
    const name = argv.slice(0, words).join(' ');
    if (argv.length < words) continue;
    const entry = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
    if (entry) return { entry, rest: argv.slice(words) };
  }
  return undefined;
}

export async function runCli(argv: string[]): Promise<number> {
  const [first] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    console.log(usage());
    return first ? 0 : 2;
  }
  const found = resolve(argv);
  if (!found) {
    const group = COMMANDS.some((c) => c.name.startsWith(`${first} `)) ? first : undefined;
    if (group && (argv[1] === '--help' || argv[1] === '-h')) {
      console.log(usage(group));
      return 0;
    }
    const problem = group && !argv[1] ? `"${group}" needs a subcommand` : `unknown command "${group ? `${group} ${argv[1]}` : first}"`;
    console.error(`gatehouse: ${problem}\n\n${usage(group)}`);
    return 2;
  }
  try {
    const command = await found.entry.load();
    return await command.run(found.rest);
  } catch (err) {
    if (err instanceof CommandUsageError) {
      console.error(`gatehouse: ${err.message}\n${err.usage}\nRun 'gatehouse ${found.entry.name} --help' for the flags and an example.`);
      return 2;
    }
    if (err instanceof CliError) {
      console.error(`gatehouse: ${err.message}`);
      return err.exitCode;
    }
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      console.error(`gatehouse: ${(err as Error).message.split('. ')[0]}\nRun 'gatehouse ${found.entry.name} --help' for the flags and an example.`);
      return 2;
    }
    console.error(`gatehouse: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
