import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { DateSettings } from '../../src/config.js';
import { toInstant } from '../../src/parse/dates.js';
import { readable, rfc822 } from '../../src/render/time.js';

const INTERNATIONAL: DateSettings = { style: 'international' };

describe('dates for readers', () => {
  it('shows the date, time and zone in the site zone', () => {
    const instant = toInstant(Date.parse('2023-09-13T04:30:00Z'), 'Asia/Karachi');
    expect(readable(instant, 'Asia/Karachi', 'en', INTERNATIONAL)).toBe('13 September 2023, 09:30 GMT+5');
    expect(rfc822(instant, 'Asia/Karachi')).toBe('Wed, 13 Sep 2023 09:30:00 +0500');
  });

  const zones = ['Asia/Karachi', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC', 'Asia/Kolkata'];
  const instants = ['2023-03-26T00:30:00Z', '2023-03-26T01:30:00Z', '2023-07-01T12:00:00Z', '2023-10-29T00:59:00Z', '2024-02-29T23:59:00Z'];

  it('reads in English exactly as luxon writes it, across zones and daylight saving', () => {
    for (const zone of zones) {
      for (const language of ['en', 'en-GB', 'en-PK']) {
        for (const iso of instants) {
          const epochMs = Date.parse(iso);
          const expected = DateTime.fromMillis(epochMs, { zone, locale: language }).toFormat('d MMMM yyyy, HH:mm ZZZZ');
          expect(readable(toInstant(epochMs, zone), zone, language, INTERNATIONAL)).toBe(expected);
        }
      }
    }
  });

  it('reads in any other language as Intl writes a date and time there', () => {
    for (const zone of zones) {
      for (const language of ['ur', 'ar', 'de', 'zh-CN']) {
        for (const iso of instants) {
          const epochMs = Date.parse(iso);
          const options = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' } as const;
          expect(readable(toInstant(epochMs, zone), zone, language, INTERNATIONAL)).toBe(new Intl.DateTimeFormat(language, options).format(epochMs));
        }
      }
    }
    expect(readable(toInstant(Date.parse('2023-09-13T06:00:00Z'), 'Asia/Karachi'), 'Asia/Karachi', 'ur', INTERNATIONAL)).toBe('13 ستمبر، 2023 کو 11:00 GMT +5');
  });

  it('follows AP style when asked, every month and the hours it names', () => {
    const ap: DateSettings = { style: 'ap' };
    const at = (iso: string, zone = 'UTC') => readable(toInstant(Date.parse(iso), zone), zone, 'en', ap);
    const months = Array.from({ length: 12 }, (_, month) => at(`2023-${String(month + 1).padStart(2, '0')}-05T09:30:00Z`).split(' ')[0]);
    expect(months).toEqual(['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']);
    expect(at('2023-09-13T09:30:00Z')).toBe('Sept. 13, 2023, 9:30 a.m. UTC');
    expect(at('2023-09-13T09:00:00Z')).toBe('Sept. 13, 2023, 9 a.m. UTC');
    expect(at('2023-09-13T12:00:00Z')).toBe('Sept. 13, 2023, noon UTC');
    expect(at('2023-09-13T00:00:00Z')).toBe('Sept. 13, 2023, midnight UTC');
    expect(at('2023-09-13T00:05:00Z')).toBe('Sept. 13, 2023, 12:05 a.m. UTC');
    expect(at('2023-09-13T12:45:00Z')).toBe('Sept. 13, 2023, 12:45 p.m. UTC');
    expect(at('2023-09-13T23:59:00Z')).toBe('Sept. 13, 2023, 11:59 p.m. UTC');
    expect(at('2023-09-13T04:30:00Z', 'Asia/Karachi')).toBe('Sept. 13, 2023, 9:30 a.m. GMT+5');
    expect(at('2023-07-04T16:00:00Z', 'America/New_York')).toBe('July 4, 2023, noon EDT');
  });
});
