// Options several commands share, and their checks.
import type { Backend } from '../engine/evaluate/evaluate.ts';
import { UsageError } from './usage-error.ts';

export const LANGUAGES = ['en', 'uk', 'fa'] as const;
export type Language = (typeof LANGUAGES)[number];

export const policiesOption = { policies: { type: 'string' } } as const;
export const langOption = { lang: { type: 'string' } } as const;

export const engineOption = { engine: { type: 'string' } } as const;
// checked before the engine loads (only its type is imported here): a usage error costs no start-up
const BACKENDS: readonly Backend[] = ['compiled', 'json-rules-engine'];

/** How the compiled rules are run: as closures (the default) or by json-rules-engine, the reference. */
export function parseBackend(command: string, value: string | undefined): Backend {
  if (value === undefined) return 'compiled';
  if ((BACKENDS as readonly string[]).includes(value)) return value as Backend;
  throw new UsageError(`unknown engine \`${value}\`: use ${BACKENDS.join(' or ')}`, command);
}

export function parseLang(command: string, value: string | undefined): Language {
  if (value === undefined) return 'en';
  if ((LANGUAGES as readonly string[]).includes(value)) return value as Language;
  throw new UsageError(`unsupported language \`${value}\`: use en, uk or fa`, command);
}

/** Exactly `count` positional arguments named by `names`, or a usage error. */
export function expectPositionals(command: string, positionals: string[], names: string[]): void {
  if (positionals.length < names.length) {
    throw new UsageError(
      `missing ${names
        .slice(positionals.length)
        .map((n) => `<${n}>`)
        .join(' ')}`,
      command,
    );
  }
  if (positionals.length > names.length) {
    throw new UsageError(`unexpected argument \`${positionals[names.length]}\` for \`sla ${command}\``, command);
  }
}
