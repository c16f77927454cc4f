// Build step of `npm run build`, after `next build` (which empties .next/): compiles app/globals.css
// with Tailwind into the flow pages' stylesheet. Tailwind scans the project's sources, so the classes
// written in components/flow-pages/*.ts are in it.
import fs from 'node:fs';
import path from 'node:path';
import tailwind from '@tailwindcss/postcss';
import postcss from 'postcss';
import { projectRoot } from '../project-root';
import { STYLESHEET_FILE } from './stylesheet';

const from = path.join(projectRoot, 'app', 'globals.css');
const { css } = await postcss([tailwind({ base: projectRoot, optimize: { minify: true } })]).process(fs.readFileSync(from, 'utf8'), { from });
fs.mkdirSync(path.dirname(STYLESHEET_FILE), { recursive: true });
fs.writeFileSync(STYLESHEET_FILE, css);
console.log(`flow pages' stylesheet: ${path.relative(projectRoot, STYLESHEET_FILE)}, ${(Buffer.byteLength(css) / 1024).toFixed(1)} KB`);
