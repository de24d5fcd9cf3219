// One set of ajv options for the schema, whether compiled ahead of time or at run time:
// every error (not just the first), with the schema and data that failed, for good messages.
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;
