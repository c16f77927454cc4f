#!/usr/bin/env node
// The `gatehouse` executable: runs the CLI from its compiled bundle when `npm run build` made a fresh
// one, else loads the TypeScript sources through tsx (see lib/launcher/compiled.mjs).
import { pathToFileURL } from 'node:url';
import { compiledEntry } from '../launcher/compiled.mjs';

const compiled = compiledEntry('cli');
let cli;
if (compiled) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./main.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2));
