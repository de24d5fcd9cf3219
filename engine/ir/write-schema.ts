// Writes policies/policy.schema.json from the TypeBox source (npm run schema); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from './json-schema.ts';

const out = new URL('../../policies/policy.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(policyJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
