// One set of ajv options for the schema, whether compiled ahead of time or at run time:
// every error (not just the first), with the schema and data that failed, for good messages;
// NaN and infinities (which YAML can write as .nan and .inf) are not numbers here.
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, strictNumbers: true } as const;
