// The project's root directory (package.json, .next/, prisma/), the same whether this code runs from its
// TypeScript sources under lib/ or from the compiled bundles under lib/generated/server/: compiled.mjs
// stays outside the bundles, so it knows.
import path from 'node:path';
import { ROOT } from './launcher/compiled.mjs';

export const projectRoot: string = ROOT;

export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
