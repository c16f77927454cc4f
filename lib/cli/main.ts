// The `gatehouse` command line: Hydra's verbs against any Hydra-compatible endpoint, plus serving.
import { ConfigError } from '../config';
import { MigrationError } from '../db/migrate';
import { serveCommand } from './commands/serve';

export type Command = { name: string; summary: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Command[] = [serveCommand];

function usage(): string {
  return ['Usage: gatehouse <command> [flags]', '', 'Commands:', ...COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`), '', 'Run `gatehouse <command> --help` for the flags of a command.'].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`gatehouse: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof MigrationError) console.error(`gatehouse: ${err.message}`);
    else console.error(`gatehouse: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
