// A part of sla that this build does not have (exit 2, one line, no stack).
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
