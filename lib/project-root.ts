// The project's root directory (package.json, .next/, prisma/), found the same way whether this code
// runs from its TypeScript sources under lib/ or from the compiled bundles under lib/generated/server/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gatehouse') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no gatehouse package.json above ${from}`);
  }
}

export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
