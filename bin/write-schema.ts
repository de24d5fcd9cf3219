// npm run schema: regenerates the files derived from engine/ir/schema.ts (a test keeps them current).
import { writeFileSync } from 'node:fs';
import { generatedFiles } from '../engine/ir/generate.ts';

for (const [path, text] of Object.entries(generatedFiles())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  console.log(`wrote ${path}`);
}
