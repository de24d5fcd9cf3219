// Instants as test files write them: ISO 8601 with an explicit offset or Z, compared by epoch ms.
// Parsed by hand rather than Date.parse, whose handling of non-canonical forms varies.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Epoch milliseconds of an instant string (or Date), or undefined when it is not one. */
export function instantMillis(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const m = ISO_INSTANT.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2025-02-30 over to March: reject what does not round-trip.
  if (new Date(local).getUTCDate() !== day) return undefined;
  if (m[8]) return local;
  const [offsetHours, offsetMins] = [Number(m[10]), m[11] ? Number(m[11]) : 0];
  if (offsetHours > 23 || offsetMins > 59) return undefined;
  const offsetMinutes = offsetHours * 60 + offsetMins;
  return local - (m[9] === '-' ? -1 : 1) * offsetMinutes * 60_000;
}
