// @ts-check
// Which code the processes run. `npm run build` compiles the three entry points into bundles under
// lib/generated/server/ (compile.mjs), which start without a TypeScript loader: on Node 20 that loader
// runs its own thread, 34 MB resident per process (measured). A bundle is used only while no source
// under lib/ or components/ is newer than it; otherwise the TypeScript sources run through tsx, so an
// edit is never shadowed by a stale build. Plain JavaScript: bin.mjs needs it before any loader.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root directory (package.json, .next/, prisma/). This module is never bundled, so its own place tells. */
export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const COMPILED_DIR = path.join(ROOT, 'lib', 'generated', 'server');

/** Written last by compile.mjs: the bundles are complete when it exists. */
export const STAMP_FILE = path.join(COMPILED_DIR, 'built-at');

/** @type {Record<'cli' | 'token-server' | 'app-server' | 'prepare' | 'seed-demo', string>} */
export const ENTRIES = {
  cli: 'lib/cli/main.ts',
  'token-server': 'lib/token-server/main.ts',
  'app-server': 'lib/app-server/main.ts',
  prepare: 'lib/launcher/prepare-process.ts',
  'seed-demo': 'lib/launcher/seed-demo-process.ts',
};

const SOURCE_DIRS = ['lib', 'components'];
const SKIP = new Set([path.join(ROOT, 'lib', 'generated')]);

/** @param {string} dir @param {number} than */
function anyNewer(dir, than) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(full) && anyNewer(full, than)) return true;
    } else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && fs.statSync(full).mtimeMs > than) return true;
  }
  return false;
}

/**
 * The compiled bundle of an entry point, or undefined when the sources must run through tsx.
 * @param {keyof typeof ENTRIES} name
 */
export function compiledEntry(name) {
  return bundlesFresh() ? path.join(COMPILED_DIR, `${name}.js`) : undefined;
}

/** @type {boolean | undefined} */
let fresh;

/** Whether the bundles are there and newer than every source: worked out once per process (`serve` asks four times). */
function bundlesFresh() {
  if (fresh !== undefined) return fresh;
  let builtAt;
  try {
    builtAt = fs.statSync(STAMP_FILE).mtimeMs;
  } catch {
    return (fresh = false);
  }
  return (fresh = !SOURCE_DIRS.some((d) => anyNewer(path.join(ROOT, d), builtAt)));
}

/**
 * The node arguments that run an entry point: its bundle, or its source through tsx.
 * @param {keyof typeof ENTRIES} name
 */
export function entryArguments(name) {
  const compiled = compiledEntry(name);
  return compiled ? [compiled] : ['--import', 'tsx', path.join(ROOT, ENTRIES[name])];
}
