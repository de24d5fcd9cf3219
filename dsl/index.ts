// The policy DSL: parse `.sla` text to the Policy IR, print the IR back as canonical DSL or YAML,
// and the Monaco language definition built from the same tokens. Platform-neutral.
export { parseDsl, MAX_NESTING, MAX_SOURCE_CHARS, type ParseOptions, type ParseResult } from './parse.ts';
export { printDsl } from './print-dsl.ts';
export { formatDsl, type FormatResult } from './format.ts';
export { printYaml } from './print-yaml.ts';
export { monarchLanguage, dslLanguageId, languageConfiguration, type MonarchLanguage } from './monarch.ts';
