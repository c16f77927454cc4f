// Runs the `gatehouse` executable as a subprocess, as a person would, and captures what it prints.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lib', 'cli', 'bin.mjs');

export type CliResult = { code: number; stdout: string; stderr: string };

/** Variables the CLI reads; cleared so the developer's own environment cannot leak into a test. */
const CLI_ENV = ['ORY_SDK_URL', 'HYDRA_PUBLIC_URL', 'OAUTH2_CLIENT_ID', 'OAUTH2_CLIENT_SECRET', 'DATABASE_URL', 'DSN'];

function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of CLI_ENV) delete base[name];
  return { ...base, NO_COLOR: '1', ...env };
}

export function gatehouse(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: environment(options.env ?? {}), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** A long-running command (perform authorization-code); `waitFor` resolves when stderr matches. */
export function spawnGatehouse(args: string[], options: { env?: Record<string, string> } = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, ...args], { env: environment(options.env ?? {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
  return {
    child,
    exited,
    async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = pattern.exec(stderr);
        if (m) return m;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** A reader for the YAML subset lib/cli/yaml.ts writes: block mappings and sequences, JSON-quoted or plain scalars. */
export function parseYaml(text: string): unknown {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let i = 0;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const scalar = (s: string): unknown => {
    if (s.startsWith('"')) return JSON.parse(s);
    if (s === '[]') return [];
    if (s === '{}') return {};
    if (s === 'null') return null;
    if (s === 'true' || s === 'false') return s === 'true';
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return Number(s);
    return s;
  };
  const keyValue = (s: string): [string, string] => {
    const m = s.startsWith('"') ? /^("(?:[^"\\]|\\.)*"):(?: (.*))?$/.exec(s) : /^([^:]+):(?: (.*))?$/.exec(s);
    if (!m) throw new Error(`not a mapping line: ${s}`);
    return [m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!, m[2] ?? ''];
  };
  function block(indent: number): unknown {
    const first = lines[i]!.trimStart();
    if (first.startsWith('- ') || first === '-') {
      const out: unknown[] = [];
      while (i < lines.length && indentOf(lines[i]!) === indent && lines[i]!.trimStart().startsWith('-')) {
        const rest = lines[i]!.trimStart().slice(2);
        if (rest.startsWith('- ') || /^("(?:[^"\\]|\\.)*"|[^"\s][^:]*):( |$)/.test(rest)) {
          lines[i] = `${' '.repeat(indent + 2)}${rest}`;
          out.push(block(indent + 2));
        } else {
          i++;
          out.push(scalar(rest));
        }
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    while (i < lines.length && indentOf(lines[i]!) === indent) {
      const [key, value] = keyValue(lines[i]!.trimStart());
      i++;
      out[key] = value === '' ? (i < lines.length && indentOf(lines[i]!) > indent ? block(indentOf(lines[i]!)) : null) : scalar(value);
    }
    return out;
  }
  if (lines.length === 1 && !/^[^"]*: |^[^"]*:$|^- /.test(lines[0]!)) return scalar(lines[0]!);
  return block(0);
}
