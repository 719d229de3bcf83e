import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/parse/dates.js';

describe('parseInstant', () => {
  it.each([
    ['2023-09-12', '2023-09-12T00:00:00+05:00'],
    ['2023-09-12 10:30', '2023-09-12T10:30:00+05:00'],
    ['2023-09-12T10:30', '2023-09-12T10:30:00+05:00'],
    ['2023-09-12 10:30:15', '2023-09-12T10:30:15+05:00'],
    ['2023-09-12T10:30:15.250', '2023-09-12T10:30:15.250+05:00'],
    ['2023-09-12T10:30:00+05:00', '2023-09-12T10:30:00+05:00'],
    ['2023-09-12T05:30:00Z', '2023-09-12T10:30:00+05:00'],
    ['2023-09-12T10:30:00+0500', '2023-09-12T10:30:00+05:00'],
    ['2023-09-12 01:30:00 -04:00', '2023-09-12T10:30:00+05:00'],
    ['2023-09-12t05:30:00z', '2023-09-12T10:30:00+05:00'],
    ['  2023-09-12 10:30  ', '2023-09-12T10:30:00+05:00'],
  ])('reads %j in the site zone', (input, iso) => {
    expect(parseInstant(input, 'Asia/Karachi')?.iso).toBe(iso);
  });

  it.each([
    'yesterday',
    '2023-13-45',
    '2023-02-30',
    '2023-09-12T25:00',
    '2023-09-12T10:61',
    '12/09/2023',
    '2023-9-12',
    '2023-09-12T10:30:00+25:00',
    '',
  ])('rejects %j', (input) => {
    expect(parseInstant(input, 'Asia/Karachi')).toBeUndefined();
  });

  it.each([20230912, true, null, undefined, ['2023-09-12'], { date: '2023-09-12' }])('rejects the non-date %j', (input) => {
    expect(parseInstant(input, 'UTC')).toBeUndefined();
  });

  it('reads a date without an offset in the given zone, not the machine zone', () => {
    const karachi = parseInstant('2023-09-12', 'Asia/Karachi');
    const newYork = parseInstant('2023-09-12', 'America/New_York');
    expect(karachi?.epochMs).toBe(Date.UTC(2023, 8, 11, 19));
    expect(newYork?.epochMs).toBe(Date.UTC(2023, 8, 12, 4));
    expect(newYork?.iso).toBe('2023-09-12T00:00:00-04:00');
  });

  it('shows an instant with the site zone offset', () => {
    expect(parseInstant('2023-01-15T12:00:00Z', 'America/New_York')?.iso).toBe('2023-01-15T07:00:00-05:00');
  });
});
