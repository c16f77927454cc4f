// Checks a response against Hydra's OpenAPI spec (/work/shared/hydra/openapi.json, Hydra's spec/api.json):
// the schema of that operation's response for the status, or of its `default` response.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const SPEC_PATH = process.env.HYDRA_OPENAPI ?? '/work/shared/hydra/openapi.json';

type Spec = {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }> }>>;
  components: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
};

const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Spec;
const ajv = new Ajv({ strict: false, allErrors: true });
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
addFormats(ajv);
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
ajv.addSchema(spec as object, 'openapi');

const pointer = (...parts: string[]) => parts.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const compiled = new Map<string, ValidateFunction>();

/** The JSON pointer of the response schema, or undefined when the response has no body. */
function schemaPointer(method: string, path: string, status: number): string | undefined {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  assert.ok(operation, `the spec has no operation ${method} ${path}`);
  const key = operation.responses[String(status)] ? String(status) : 'default';
  const response = operation.responses[key];
  assert.ok(response, `the spec has no response ${status} (nor default) for ${method} ${path}`);
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    const target = spec.components.responses[name];
    return target?.content?.['application/json']?.schema ? pointer('components', 'responses', name, 'content', 'application/json', 'schema') : undefined;
  }
  return response.content?.['application/json']?.schema ? pointer('paths', path, method.toLowerCase(), 'responses', key, 'content', 'application/json', 'schema') : undefined;
}

/**
 * Asserts that `body` is what Hydra's spec says `method path` answers with `status`.
 * `path` is the spec's template, e.g. `/admin/clients/{id}`. Bodiless responses must be empty.
 */
export function assertMatchesSpec(method: string, path: string, status: number, body: unknown): void {
  const at = schemaPointer(method, path, status);
  if (at === undefined) {
    assert.ok(body === undefined || body === '' || body === null, `${method} ${path} ${status} should have no body`);
    return;
  }
  let validate = compiled.get(at);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#${at}` });
    compiled.set(at, validate);
  }
  assert.ok(validate(body), `${method} ${path} ${status} does not match Hydra's spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}
