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
  return format(instant.epochMs, zone, language, 'd MMMM yyyy, HH:mm ZZZZ');
}

/** The calendar day in the site zone, `2023-09-13`. */
export function isoDay(instant: Instant): string {
  return instant.iso.slice(0, 10);
}
