// Time zone names: which are accepted (IANA names, "+02:00" offsets), and what to write instead of
// the rest ("GMT+2", "EST", the sign-inverted "Etc/GMT+2").
import { IANAZone } from 'luxon';
import { nearest } from '../diagnostics/index.ts';

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Offset in minutes of a canonical fixed offset "+02:00", else undefined. */
export function parseFixedOffset(zone: string): number | undefined {
  const m = FIXED_OFFSET.exec(zone);
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 14 || min > 59 || (h === 14 && min > 0)) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(Math.round(minutes));
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

// Abbreviations name no place and hide DST rules; each maps to a representative zone and its
// standard offset.
const ABBREVIATIONS: Record<string, [string, string]> = {
  EST: ['America/New_York', '-05:00'],
  EDT: ['America/New_York', '-04:00'],
  CST: ['America/Chicago', '-06:00'],
  CDT: ['America/Chicago', '-05:00'],
  MST: ['America/Denver', '-07:00'],
  MDT: ['America/Denver', '-06:00'],
  PST: ['America/Los_Angeles', '-08:00'],
  PDT: ['America/Los_Angeles', '-07:00'],
  AKST: ['America/Anchorage', '-09:00'],
  HST: ['Pacific/Honolulu', '-10:00'],
  EST5EDT: ['America/New_York', '-05:00'],
  CST6CDT: ['America/Chicago', '-06:00'],
  MST7MDT: ['America/Denver', '-07:00'],
  PST8PDT: ['America/Los_Angeles', '-08:00'],
  WET: ['Europe/Lisbon', '+00:00'],
  WEST: ['Europe/Lisbon', '+01:00'],
  BST: ['Europe/London', '+01:00'],
  CET: ['Europe/Berlin', '+01:00'],
  CEST: ['Europe/Berlin', '+02:00'],
  MET: ['Europe/Berlin', '+01:00'],
  EET: ['Europe/Kyiv', '+02:00'],
  EEST: ['Europe/Kyiv', '+03:00'],
  MSK: ['Europe/Moscow', '+03:00'],
  IRST: ['Asia/Tehran', '+03:30'],
  IRDT: ['Asia/Tehran', '+04:30'],
  IST: ['Asia/Kolkata', '+05:30'],
};

/** Zones ICU still lists by a former name, suggested by their current one. */
const RENAMED: Record<string, string> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
};

let zoneNames: string[] | undefined;
function knownZoneNames(): string[] {
  if (!zoneNames) {
    const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
    zoneNames = ['Europe/Kyiv', 'UTC', ...(supported ? supported('timeZone') : [])];
  }
  return zoneNames;
}

/** IANA names found valid: luxon asks Intl afresh each time (a DateTimeFormat built per call), and
 *  the names are a fixed, finite list, so this set stays small whatever the input. */
const validZones = new Set<string>();
const isValidIana = (zone: string): boolean => validZones.has(zone) || (IANAZone.isValidZone(zone) && validZones.add(zone) !== undefined);

export interface ZoneProblem {
  message: string;
  help?: string;
}

/** Why a zone string is not accepted, with a suggestion; undefined if it is valid. */
export function zoneProblem(zone: string): ZoneProblem | undefined {
  if (typeof zone !== 'string' || zone.length === 0)
    return { message: 'empty time zone', help: 'use an IANA zone such as Europe/Kyiv, or an offset such as +02:00' };
  if (FIXED_OFFSET.test(zone)) {
    return parseFixedOffset(zone) === undefined
      ? { message: `offset "${zone}" is out of range`, help: 'offsets run from -14:00 to +14:00, minutes 00–59' }
      : undefined;
  }
  const offsetLike = /^(?:(?:GMT|UTC|UT|Z)\s*)?([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(zone.trim());
  if (offsetLike) {
    const mins = (offsetLike[1] === '+' ? 1 : -1) * (Number(offsetLike[2]) * 60 + Number(offsetLike[3] ?? 0));
    return {
      message: `"${zone}" is not a time zone`,
      help: `write a fixed offset as "${formatOffset(mins)}"`,
    };
  }
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(zone);
  if (etc && Number(etc[2]) !== 0) {
    // POSIX-style names invert the sign: Etc/GMT+2 is two hours *behind* UTC.
    const mins = (etc[1] === '+' ? -1 : 1) * Number(etc[2]) * 60;
    return {
      message: `"${zone}" means UTC${formatOffset(mins).replace('-', '−')} (the sign of Etc/GMT zones is inverted)`,
      help: `write "${formatOffset(mins)}" for that offset, or "${formatOffset(-mins)}" if UTC${etc[1]}${etc[2]} was meant`,
    };
  }
  const abbr = ABBREVIATIONS[zone.toUpperCase()];
  if (abbr) {
    return {
      message: `"${zone}" is an abbreviation, not a time zone`,
      help: `use an IANA zone such as ${abbr[0]}, or a fixed offset such as "${abbr[1]}"`,
    };
  }
  if (zone.trim() !== zone) return { message: `time zone "${zone}" has surrounding spaces`, help: `write "${zone.trim()}"` };
  if (isValidIana(zone)) return undefined;
  const found = nearest(zone, knownZoneNames());
  const near = found && (RENAMED[found] ?? found);
  return {
    message: `unknown time zone "${zone}"`,
    help: near ? `did you mean "${near}"?` : 'use an IANA zone such as Europe/Kyiv, or an offset such as +02:00',
  };
}

/** undefined if the zone is valid, else a message with a suggestion. */
export function checkZone(zone: string): string | undefined {
  const p = zoneProblem(zone);
  return p && (p.help ? `${p.message}: ${p.help}` : p.message);
}

/** The zone name luxon understands: "+02:00" → "UTC+2", IANA names unchanged. */
export function toLuxonZone(zone: string): string {
  const off = parseFixedOffset(zone);
  if (off === undefined) return zone;
  if (off === 0) return 'UTC';
  const a = Math.abs(off);
  return `UTC${off < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}
