/**
 * Dates as newsrooms write them, read as instants.
 *
 * A date or time without an offset is read in the site's time zone, never the
 * machine's, so the same file means the same instant on every machine.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import { memoize } from '../memo.js';

/** A moment in time, and how it reads in the site's time zone. */
export interface Instant {
  /** Milliseconds since the epoch: for sorting and comparing. */
  readonly epochMs: number;
  /** RFC 3339 with the site zone's offset, e.g. `2023-09-12T10:00:00+05:00`. */
  readonly iso: string;
}

// The timestamps of YAML 1.1, which Hugo and Jekyll archives are written in:
// a date alone (YYYY-MM-DD), or a date whose month and day may have one digit,
// `T`, `t` or spaces, an hour of one or two digits, minutes, optional seconds
// and fraction, and an optional zone after optional spaces: Z, ±H, ±HH,
// ±HH:MM or ±HHMM. Minutes without seconds are accepted too.
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;

/** What a newsroom may write, for error messages. */
export const DATE_FORMATS_HINT =
  'write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00`';

/**
 * Read `value` as an instant in `zone`; undefined when it is not a real date
 * and time in one of the accepted shapes.
 */
export function parseInstant(value: unknown, zone: string): Instant | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : toInstant(value.getTime(), zone);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
  const readIn = offset === undefined ? zone : offsetZone(offset);
  if (readIn === undefined) return undefined;
  const time = DateTime.fromObject(parts, { zone: readIn });
  // Luxon rolls impossible wall times forward (a DST gap); a date like 2023-02-30 is invalid.
  if (!time.isValid || time.day !== parts.day || time.month !== parts.month) return undefined;
  return toInstant(time.toMillis(), zone);
}

/** The instant at `epochMs`, shown in `zone`. */
export function toInstant(epochMs: number, zone: string): Instant {
  return { epochMs, iso: isoIn(epochMs, zone) };
}

const isoIn = memoize(
  (epochMs: number, zone: string) =>
    DateTime.fromMillis(epochMs, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(epochMs).toISOString(),
);

/** The fixed zone for `Z`, `+05:00`, `+0500`, `+05` or `-4`; undefined past ±14:59. */
function offsetZone(offset: string): FixedOffsetZone | undefined {
  if (offset === 'Z' || offset === 'z') return FixedOffsetZone.utcInstance;
  const [, signText, hoursText = '0', minutesText = '0'] = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(offset) ?? [];
  const sign = signText === '-' ? -1 : 1;
  const hours = Number(hoursText);
  const minutes = Number(minutesText);
  if (hours > 14 || minutes > 59) return undefined;
  return FixedOffsetZone.instance(sign * (hours * 60 + minutes));
}
