// Writes docs/controls/ from the control catalog (run after `npm run build`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED_CONTROLS } from '../dist/src/controls/documented.js';
import { controlDocFiles } from '../dist/src/report/control-docs.js';

const dir = 'docs/controls';
mkdirSync(dir, { recursive: true });
const files = controlDocFiles(DOCUMENTED_CONTROLS);
for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(join(dir, name));
for (const [name, content] of files) writeFileSync(join(dir, name), content);
console.log(`wrote ${files.size} files to ${dir}`);
