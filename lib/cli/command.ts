// One shape for every command: flags parsed with node:util parseArgs, `--help` with an example,
// the usage line on a bad command line (exit 2), and typed access to flag values.
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export type Command = { name: string; aliases?: string[]; summary: string; run: (args: string[]) => Promise<number> };

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };
export type Options = Record<string, OptionSpec>;

export const ENDPOINT_OPTIONS = { endpoint: { type: 'string', short: 'e' } } satisfies Options;
export const PUBLIC_ENDPOINT_OPTIONS = { 'public-endpoint': { type: 'string' } } satisfies Options;
/** The public endpoint and the client's own credentials, for commands that act as an OAuth2 client. */
export const CLIENT_OPTIONS = {
  ...ENDPOINT_OPTIONS,
  ...PUBLIC_ENDPOINT_OPTIONS,
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
} satisfies Options;
export const FORMAT_OPTIONS = { format: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } } satisfies Options;

export const ENDPOINT_HELP = '  -e, --endpoint URL        admin API of Hydra or the token server (env ORY_SDK_URL)';
export const PUBLIC_ENDPOINT_HELP =
  '      --public-endpoint URL public API (env HYDRA_PUBLIC_URL; default: the admin URL with port 4445 replaced by 4444)';
export const FORMAT_HELP = [
  '      --format FORMAT       table (default), json, json-pretty, yaml or jsonpointer=/PATH (one field, raw)',
  '  -q, --quiet               print only IDs',
].join('\n');

/** Parsed flags with helpers for Hydra's conventions: lists are repeatable and comma-separated. */
export class Flags {
  constructor(readonly values: Record<string, string | boolean | string[] | undefined>) {}

  has(name: string): boolean {
    const v = this.values[name];
    return v !== undefined && !(Array.isArray(v) && v.length === 0);
  }

  string(name: string): string | undefined {
    const v = this.values[name];
    return Array.isArray(v) ? v[v.length - 1] : typeof v === 'string' ? v : undefined;
  }

  bool(name: string): boolean {
    return this.values[name] === true;
  }

  list(name: string): string[] | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    const raw = Array.isArray(v) ? v : [String(v)];
    return raw.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  }

  integer(name: string): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects a whole number, got "${v}"`);
    return Number(v);
  }
}

export type CommandSpec = {
  name: string;
  aliases?: string[];
  summary: string;
  /** Everything after "gatehouse <name>" on the usage line. */
  usage: string;
  description: string;
  flagsHelp: string;
  example: string;
  options: Options;
  positionals?: { min: number; max?: number };
  run: (flags: Flags, positionals: string[]) => Promise<number | void>;
};

export function usageLine(spec: Pick<CommandSpec, 'name' | 'usage'>): string {
  return `Usage: gatehouse ${spec.name} ${spec.usage}`.trimEnd();
}

export function helpText(spec: CommandSpec): string {
  const aliases = spec.aliases?.length ? `\nAliases: ${spec.aliases.map((a) => `gatehouse ${a}`).join(', ')}\n` : '';
  return `${usageLine(spec)}\n\n${spec.description}\n${aliases}\nFlags:\n${spec.flagsHelp}\n  -h, --help                show this help\n\nExample:\n${spec.example
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`;
}

export class CommandUsageError extends UsageError {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** parseArgs's messages, shortened to the part a person needs. */
function parseArgsMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown flag ${unknown[1]}`;
  return message.split(/\.\s|\n/)[0]!.replace(/\.$/, '');
}

export function defineCommand(spec: CommandSpec): Command {
  return {
    name: spec.name,
    aliases: spec.aliases,
    summary: spec.summary,
    async run(args) {
      let parsed;
      try {
        parsed = parseArgs({ args, options: { ...spec.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
      } catch (err) {
        throw new CommandUsageError(parseArgsMessage(err), usageLine(spec));
      }
      if (parsed.values.help) {
        console.log(helpText(spec));
        return 0;
      }
      const { min = 0, max = 0 } = spec.positionals ?? {};
      const n = parsed.positionals.length;
      if (n < min) throw new CommandUsageError(`missing argument${min - n > 1 ? 's' : ''}`, usageLine(spec));
      if (max !== Infinity && n > max) throw new CommandUsageError(`unexpected argument "${parsed.positionals[max]}"`, usageLine(spec));
      try {
        return (await spec.run(new Flags(parsed.values as Flags['values']), parsed.positionals)) ?? 0;
      } catch (err) {
        if (err instanceof UsageError && !(err instanceof CommandUsageError)) throw new CommandUsageError(err.message, usageLine(spec));
        throw err;
      }
    },
  };
}
