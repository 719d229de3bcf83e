/** Instants in the formats each output needs, always in the site's time zone. */
import { DateTime } from 'luxon';
import { memoize } from '../memo.js';
import type { DateSettings } from '../config.js';
import type { Instant } from '../parse/dates.js';

const format = memoize((epochMs: number, zone: string, locale: string, pattern: string) =>
  DateTime.fromMillis(epochMs, { zone, locale }).toFormat(pattern),
);

/** RFC 822 with a numeric offset, as RSS 2.0 wants: `Wed, 13 Sep 2023 09:30:00 +0500`. */
export function rfc822(instant: Instant, zone: string): string {
  return format(instant.epochMs, zone, 'en-US', 'ccc, dd LLL yyyy HH:mm:ss ZZZ');
}

/**
 * For readers, in `language`. English in the config's style: international,
 * `13 September 2023, 09:30 GMT+5`, or AP, `Sept. 13, 2023, 9:30 a.m.
 * GMT+5`, with the zone's name the newsroom gives it if any (`PKT`). Any
 * other language as `Intl` writes a date and time there (Urdu: `13 ستمبر،
 * 2023 کو 11:00 GMT +5`), its own words and punctuation in its own order.
 */
export function readable(instant: Instant, zone: string, language: string, dates: DateSettings): string {
  return readableAt(instant.epochMs, zone, language, dates.style, dates.zoneName?.standard ?? '', dates.zoneName?.daylight ?? '');
}

const readableAt = memoize((epochMs: number, zone: string, language: string, style: DateSettings['style'], standard: string, daylight: string) => {
  if (!isEnglish(language)) return localFormatter(zone, language).format(epochMs);
  const time = DateTime.fromMillis(epochMs, { zone, locale: language });
  const named = time.isInDST ? daylight : standard;
  const zoneShown = named === '' ? zoneName(epochMs, zone, language) : named;
  if (style === 'ap') return `${AP_MONTHS[time.month - 1]} ${time.day}, ${time.year}, ${apTime(time)} ${zoneShown}`;
  return `${time.toFormat('d MMMM yyyy, HH:mm')} ${zoneShown}`;
});

/** The AP Stylebook's months: five letters or fewer spelt out, the rest abbreviated (`Sept.`, not `Sep.`). */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'] as const;

/** AP's times: `9 a.m.`, `9:30 p.m.`, and `noon` and `midnight` rather than 12 o'clock. */
function apTime(time: DateTime): string {
  const { hour, minute } = time;
  if (minute === 0 && hour === 12) return 'noon';
  if (minute === 0 && hour === 0) return 'midnight';
  const clock = hour % 12 === 0 ? 12 : hour % 12;
  return `${clock}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

function isEnglish(language: string): boolean {
  return language.toLowerCase().split('-')[0] === 'en';
}

/** One formatter per zone and language, as for `zoneName`. */
const localFormatter = memoize(
  (zone: string, language: string) =>
    new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' }),
  1000,
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
