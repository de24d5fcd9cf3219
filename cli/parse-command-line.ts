// node:util parseArgs with its errors turned into UsageErrors that name the option in our words.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../engine/diagnostics/suggest.ts';
import { UsageError } from './usage-error.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

export function parseCommandLine<const O extends OptionsConfig>(command: string, args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw toUsageError(command, e, Object.keys(options));
  }
}

function toUsageError(command: string, e: unknown, known: string[]): unknown {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = option.replace(/^-+/, '').split('=')[0];
      const hint = didYouMean(name, known);
      return new UsageError(`unknown option \`${option}\` for \`sla ${command}\``, command, hint?.replace(/`(\w)/, '`--$1'));
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(/does not take/.test(message) ? `option \`${option}\` does not take a value` : `option \`${option}\` needs a value`, command);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument for \`sla ${command}\``, command);
    default:
      return e;
  }
}
