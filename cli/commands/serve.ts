// `sla serve`: the HTTP API and the playground are not part of this build yet.
import { UnavailableError } from '../unavailable-error.ts';

export const help = `Usage: sla serve [--host 127.0.0.1] [--port 8080]

Serves the HTTP API and the playground. Not available yet.
`;

export async function run(): Promise<number> {
  throw new UnavailableError('`sla serve` is not available yet');
}
