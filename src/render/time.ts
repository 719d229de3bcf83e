/** Instants in the formats each output needs, always in the site's time zone. */
import { DateTime } from 'luxon';
import { memoize } from '../memo.js';
import type { Instant } from '../parse/dates.js';

const format = memoize((epochMs: number, zone: string, locale: string, pattern: string) =>
  DateTime.fromMillis(epochMs, { zone, locale }).toFormat(pattern),
);

/** RFC 822 with a numeric offset, as RSS 2.0 wants: `Wed, 13 Sep 2023 09:30:00 +0500`. */
export function rfc822(instant: Instant, zone: string): string {
  return format(instant.epochMs, zone, 'en-US', 'ccc, dd LLL yyyy HH:mm:ss ZZZ');
}

/** For readers: `13 September 2023, 09:30 GMT+5`, month names in the site's language. */
export function readable(instant: Instant, zone: string, language: string): string {
  return readableAt(instant.epochMs, zone, language);
}

const readableAt = memoize(
  (epochMs: number, zone: string, language: string) =>
    `${DateTime.fromMillis(epochMs, { zone, locale: language }).toFormat('d MMMM yyyy, HH:mm')} ${zoneName(epochMs, zone, language)}`,
);

/**
 * The zone's short name at `epochMs` (`GMT+5`, `PKT`, `CEST`), as luxon's
 * `ZZZZ` writes it, from one cached formatter per zone and language: luxon
 * builds a new `Intl.DateTimeFormat` for every call, ~150 µs each, which was
 * most of the time spent on dates in a 10,000-story build.
 */
function zoneName(epochMs: number, zone: string, language: string): string {
  const key = `${zone}\u0000${language}`;
  let formatter = zoneFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { ...LUXON_ZONE_OPTIONS, timeZone: zone });
    zoneFormatters.set(key, formatter);
  }
  return formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The options luxon formats a zone name with (the name can depend on them). */
const LUXON_ZONE_OPTIONS = {
  timeZoneName: 'short',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
} as const;
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day in the site zone, `2023-09-13`. */
export function isoDay(instant: Instant): string {
  return instant.iso.slice(0, 10);
}
