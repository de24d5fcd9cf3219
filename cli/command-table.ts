// The commands of `sla`; each module is imported only when its command runs.
import type { CommandEntry } from './command.ts';

export const COMMANDS: CommandEntry[] = [
  {
    name: 'check',
    synopsis: 'check <policy files…>',
    summary: 'parse and validate YAML or DSL policies',
    load: () => import('./commands/check.ts'),
  },
  {
    name: 'eval',
    synopsis: 'eval <case file> [--policy <id or file>] [--json] [--lang en|uk|fa] [--explain] [--engine compiled|json-rules-engine]',
    summary: 'answer a case (or, with --batch, many): deadlines, entitlements, refund, credits',
    load: () => import('./commands/eval.ts'),
  },
  {
    name: 'lint',
    synopsis: 'lint <policy files…> [--format text|json] [--strict]',
    summary: 'warn about what is valid but unsound as an SLA',
    load: () => import('./commands/lint.ts'),
  },
  {
    name: 'test',
    synopsis: 'test [files or folders…]',
    summary: 'run *.test.yaml files',
    load: () => import('./commands/test.ts'),
  },
  {
    name: 'diff',
    synopsis: 'diff <old policy> <new policy> [--cases <folder or ndjson>] [--at <instant>…] [--fail-on-change]',
    summary: 'what a policy change changes: the policy, and the answers over a corpus',
    load: () => import('./commands/diff.ts'),
  },
  {
    name: 'cases',
    synopsis: 'cases generate <policy id or file> [--count N] [--seed S]',
    summary: 'print realistic random cases for a policy as NDJSON',
    load: () => import('./commands/cases.ts'),
  },
  {
    name: 'compile',
    synopsis: 'compile <policy file>',
    summary: 'print the compiled json-rules-engine rules as JSON',
    load: () => import('./commands/compile.ts'),
  },
  {
    name: 'fmt',
    synopsis: 'fmt [--write] <file…>',
    summary: 'format DSL files canonically',
    load: () => import('./commands/fmt.ts'),
  },
  {
    name: 'convert',
    synopsis: 'convert --to dsl|yaml <file>',
    summary: 'convert a policy between YAML and the DSL',
    load: () => import('./commands/convert.ts'),
  },
  {
    name: 'serve',
    synopsis: 'serve [--host 127.0.0.1] [--port 8080]',
    summary: 'the HTTP API and the playground',
    load: () => import('./commands/serve.ts'),
  },
];
