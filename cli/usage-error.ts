// Bad usage of the command line (exit 2): unknown command or option, missing argument.
export class UsageError extends Error {
  constructor(
    message: string,
    /** the command whose --help to point at */
    readonly command?: string,
    readonly help?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
