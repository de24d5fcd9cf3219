// Writes policies/<id>.sla from policies/<id>.yaml with the DSL printer (the canonical form).
// Run: npx tsx test/dsl/write-bundled-sla.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';
import { parseDsl, printDsl } from '../../dsl/index.ts';
import type { Policy } from '../../engine/ir/schema.ts';

const dir = new URL('../../policies/', import.meta.url);
for (const f of readdirSync(dir).filter((f) => /^[a-z0-9_-]+\.yaml$/.test(f) && !f.endsWith('.test.yaml'))) {
  const ir = YAML.parse(readFileSync(new URL(f, dir), 'utf8')) as Policy;
  const text = printDsl(ir);
  const back = parseDsl(text, { file: f.replace(/\.yaml$/, '.sla') });
  if (back.diagnostics.length > 0) throw new Error(`${f}: ${JSON.stringify(back.diagnostics)}`);
  writeFileSync(new URL(f.replace(/\.yaml$/, '.sla'), dir), text);
  process.stdout.write(`policies/${f.replace(/\.yaml$/, '.sla')}: ${text.length} characters (YAML ${readFileSync(new URL(f, dir), 'utf8').length})\n`);
}
