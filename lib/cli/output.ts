// Hydra's output formats: a single resource as a two-column table (one line per field), a collection
// as a table with a header row, json, json-pretty, yaml, and -q for IDs only.
import { UsageError } from './errors';
import type { Flags } from './command';
import { toYaml } from './yaml';

export type Format = 'table' | 'json' | 'json-pretty' | 'yaml' | 'quiet' | `jsonpointer=${string}`;
const FORMATS = ['table', 'json', 'json-pretty', 'yaml'] as const;

export function outputFormat(flags: Flags): Format {
  if (flags.bool('quiet')) return 'quiet';
  const f = flags.string('format') ?? 'table';
  if (f === 'default') return 'table';
  if (/^jsonpointer=(\/.*)?$/.test(f)) return f as Format;
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format expects one of ${FORMATS.join(', ')} or jsonpointer=/PATH, got "${f}"`);
  return f as Format;
}

/** Columns padded to the widest cell plus two spaces; trailing spaces trimmed. */
export function alignColumns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + 2))).join('').trimEnd()).join('\n');
}

/** RFC 6901: the value at `pointer` in `data`, or undefined. */
function resolvePointer(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function printData(format: Format, data: unknown): void {
  if (format.startsWith('jsonpointer=')) {
    const value = resolvePointer(JSON.parse(JSON.stringify(data ?? null)), format.slice('jsonpointer='.length));
    if (value !== undefined) process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  } else if (format === 'json') process.stdout.write(`${JSON.stringify(data)}\n`);
  else if (format === 'json-pretty') process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(toYaml(data));
}

export type Row = { header: string[]; columns: string[]; data: unknown };

export function printRow(format: Format, row: Row): void {
  if (format === 'quiet') console.log(row.columns[0]);
  else if (format === 'table') console.log(alignColumns(row.header.map((h, i) => [h, row.columns[i] ?? ''])));
  else printData(format, row.data);
}

export type Table = { header: string[]; rows: string[][]; data: unknown };

export function printTable(format: Format, table: Table): void {
  if (format === 'quiet') for (const r of table.rows) console.log(r[0]);
  else if (format === 'table') console.log(alignColumns([table.header, ...table.rows]));
  else printData(format, table.data);
}

/** Hydra's paginated list: the table then the next page token; {items, next_page_token, is_last_page} otherwise. */
export function printPage(format: Format, table: Table, nextPageToken: string | undefined): void {
  if (format === 'quiet' || format === 'table') {
    printTable(format, table);
    if (format === 'table') console.log(`\n${alignColumns([['NEXT PAGE TOKEN', nextPageToken ?? ''], ['IS LAST PAGE', String(!nextPageToken)]])}`);
    return;
  }
  printData(format, { items: table.data, next_page_token: nextPageToken ?? '', is_last_page: !nextPageToken });
}

/** Progress and notes go to stderr so stdout stays parseable. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
