import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toInstant } from '../../src/parse/dates.js';
import { readable, rfc822 } from '../../src/render/time.js';

describe('dates for readers', () => {
  it('shows the date, time and zone in the site zone', () => {
    const instant = toInstant(Date.parse('2023-09-13T04:30:00Z'), 'Asia/Karachi');
    expect(readable(instant, 'Asia/Karachi', 'en')).toBe('13 September 2023, 09:30 GMT+5');
    expect(rfc822(instant, 'Asia/Karachi')).toBe('Wed, 13 Sep 2023 09:30:00 +0500');
  });

  it('reads exactly as luxon writes it, across zones, languages and daylight saving', () => {
    const zones = ['Asia/Karachi', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC', 'Asia/Kolkata'];
    const languages = ['en', 'en-GB', 'ur', 'ar', 'de', 'zh-CN'];
    const instants = ['2023-03-26T00:30:00Z', '2023-03-26T01:30:00Z', '2023-07-01T12:00:00Z', '2023-10-29T00:59:00Z', '2024-02-29T23:59:00Z'];
    for (const zone of zones) {
      for (const language of languages) {
        for (const iso of instants) {
          const epochMs = Date.parse(iso);
          const expected = DateTime.fromMillis(epochMs, { zone, locale: language }).toFormat('d MMMM yyyy, HH:mm ZZZZ');
          expect(readable(toInstant(epochMs, zone), zone, language)).toBe(expected);
        }
      }
    }
  });
});
