// RFC 6902 JSON Patch over a plain JSON document, as Hydra applies it to clients: a `replace` on a
// missing path becomes an `add`, and some paths may be denied. Returns a new document.
import { HydraError } from '../http/errors';

export type PatchOperation = { op: string; path: string; value?: unknown; from?: string };

type Json = unknown;
type Container = Record<string, Json> | Json[];

const invalid = (description: string) => new HydraError(400, 'invalid_request', description);

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw invalid(`The JSON pointer "${pointer}" must start with "/".`);
  const tokens = pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (tokens.some((t) => t === '__proto__' || t === 'constructor' || t === 'prototype')) throw invalid(`The JSON pointer "${pointer}" is not allowed.`);
  return tokens;
}

function arrayIndex(arr: Json[], token: string, forInsert: boolean): number {
  if (forInsert && token === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw invalid(`"${token}" is not an array index.`);
  const i = Number(token);
  if (i > arr.length || (!forInsert && i === arr.length)) throw invalid(`Array index ${i} is out of range.`);
  return i;
}

function parentOf(doc: Json, tokens: string[]): { parent: Container; key: string } {
  let node = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[arrayIndex(node, token, false)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) node = (node as Record<string, Json>)[token];
    else throw invalid(`The path "/${tokens.join('/')}" does not exist.`);
  }
  if (node === null || typeof node !== 'object') throw invalid(`The path "/${tokens.join('/')}" does not exist.`);
  return { parent: node as Container, key: tokens[tokens.length - 1]! };
}

function exists(doc: Json, tokens: string[]): boolean {
  try {
    get(doc, tokens);
    return true;
  } catch {
    return false;
  }
}

function get(doc: Json, tokens: string[]): Json {
  if (tokens.length === 0) return doc;
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, false)];
  if (!Object.hasOwn(parent, key)) throw invalid(`The path "/${tokens.join('/')}" does not exist.`);
  return parent[key];
}

function add(doc: Json, tokens: string[], value: Json): Json {
  if (tokens.length === 0) return value;
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: Json, tokens: string[]): Json {
  if (tokens.length === 0) throw invalid('The whole document can not be removed.');
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
  else if (Object.hasOwn(parent, key)) delete parent[key];
  else throw invalid(`The path "/${tokens.join('/')}" does not exist.`);
  return doc;
}

export function parsePatch(body: unknown): PatchOperation[] {
  if (!Array.isArray(body)) throw invalid('The request body must be a JSON Patch array.');
  return body.map((op, i) => {
    if (op === null || typeof op !== 'object') throw invalid(`Patch operation ${i} is not an object.`);
    const { op: name, path, from } = op as Record<string, unknown>;
    if (typeof name !== 'string' || typeof path !== 'string' || (from !== undefined && typeof from !== 'string')) {
      throw invalid(`Patch operation ${i} needs string "op" and "path".`);
    }
    return op as PatchOperation;
  });
}

export function applyPatch<T>(document: T, operations: PatchOperation[], deniedPaths: string[] = []): T {
  let doc: Json = structuredClone(document);
  for (const operation of operations) {
    for (const p of [operation.path, operation.from]) {
      if (p !== undefined && deniedPaths.some((d) => p === d || p.startsWith(`${d}/`))) {
        throw invalid(`The patch path "${p}" may not be changed.`);
      }
    }
    const tokens = parsePointer(operation.path);
    switch (operation.op) {
      case 'add':
        doc = add(doc, tokens, structuredClone(operation.value));
        break;
      case 'remove':
        doc = remove(doc, tokens);
        break;
      case 'replace':
        if (exists(doc, tokens)) doc = remove(doc, tokens);
        doc = add(doc, tokens, structuredClone(operation.value));
        break;
      case 'move': {
        const from = parsePointer(operation.from ?? '');
        const value = get(doc, from);
        doc = add(remove(doc, from), tokens, value);
        break;
      }
      case 'copy':
        doc = add(doc, tokens, structuredClone(get(doc, parsePointer(operation.from ?? ''))));
        break;
      case 'test':
        if (JSON.stringify(get(doc, tokens)) !== JSON.stringify(operation.value)) throw invalid(`The test at "${operation.path}" failed.`);
        break;
      default:
        throw invalid(`Unknown patch operation "${operation.op}".`);
    }
  }
  return doc as T;
}
