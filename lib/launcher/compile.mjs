// @ts-check
// `npm run build`'s last step: bundles the CLI, the token server and the app server (see compiled.mjs
// for when they are used). npm packages stay outside the bundles, and so do the generated Prisma clients
// and every plain-JavaScript module (*.mjs): they find their own files relative to where they live.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { COMPILED_DIR, ENTRIES, ROOT, STAMP_FILE } from './compiled.mjs';

const LIVE_ELSEWHERE = [path.join(ROOT, 'lib', 'generated') + path.sep, path.join(ROOT, 'prisma') + path.sep];

/** @type {esbuild.Plugin} */
const keepOutside = {
  name: 'keep-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      let target = path.resolve(args.resolveDir, args.path);
      if (!target.endsWith('.mjs') && !LIVE_ELSEWHERE.some((dir) => target.startsWith(dir))) return undefined;
      // Node's ESM loader does not import directories: name the file.
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, 'index.js');
      return { path: path.relative(COMPILED_DIR, target).split(path.sep).join('/'), external: true };
    });
  },
};

fs.rmSync(COMPILED_DIR, { recursive: true, force: true });
const started = Date.now();
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: COMPILED_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  plugins: [keepOutside],
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  sourcemap: 'linked',
  logLevel: 'warning',
});
fs.writeFileSync(STAMP_FILE, `${new Date().toISOString()}\n`);
console.log(`server bundles: ${path.relative(ROOT, COMPILED_DIR)} (${Object.keys(ENTRIES).join(', ')}), ${Date.now() - started} ms`);
