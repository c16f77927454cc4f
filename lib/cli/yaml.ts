// A small YAML emitter for JSON data: block mappings and sequences, strings quoted only when a plain
// scalar would be read back differently. JSON strings are valid YAML double-quoted scalars.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|\.inf|\.nan|0x[0-9a-fA-F]+|0o[0-7]+)$/i;
/** YAML 1.1 readers take these for timestamps and base-60 numbers. */
const DATE_OR_TIME_LIKE = /^\d{4}-\d\d?-\d\d?|^[-+]?\d[\d_]*(:\d+)+/;
const PLAIN = /^[A-Za-z0-9_./(][A-Za-z0-9_ ./()@+=,:;?&%*!$'~-]*$/;

function scalarString(s: string): string {
  const plain = PLAIN.test(s) && !RESERVED.test(s) && !NUMBER_LIKE.test(s) && !DATE_OR_TIME_LIKE.test(s) && !s.endsWith(' ') && !s.includes(': ') && !s.includes(' #') && !s.endsWith(':');
  return plain ? s : JSON.stringify(s);
}

function isBlock(v: unknown): boolean {
  return v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  if (typeof v === 'string') return scalarString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return scalarString(String(v));
}

function block(v: Json[] | { [key: string]: Json }): string[] {
  const out: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      if (!isBlock(item)) out.push(`- ${scalar(item)}`);
      else {
        const [first, ...rest] = block(item as Json[]);
        out.push(`- ${first}`, ...rest.map((l) => `  ${l}`));
      }
    }
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    if (value === undefined) continue;
    if (isBlock(value)) out.push(`${scalarString(key)}:`, ...block(value as Json[]).map((l) => `  ${l}`));
    else out.push(`${scalarString(key)}: ${scalar(value)}`);
  }
  return out;
}

export function toYaml(value: unknown): string {
  const data = JSON.parse(JSON.stringify(value ?? null)) as Json;
  return `${isBlock(data) ? block(data as Json[]).join('\n') : scalar(data)}\n`;
}
