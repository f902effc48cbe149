import { isCalendarDate, isInstant } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2026-01-31', '2028-02-29', '2000-02-29', '1900-01-01', '2199-12-31'])('%s is a date', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '1899-12-31',
    '2200-01-01',
    '2026-1-01',
    ' 2026-01-01',
    '2026-01-01T00:00:00Z',
    '',
    null,
    20260101,
  ])('%p is not', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    '2026-03-01',
    '2026-03-01T08:00Z',
    '2026-03-01T08:00:00Z',
    '2026-03-01T08:00:00.123Z',
    '2026-03-01T08:00:00+01:00',
    '2026-03-01T23:59:59.999999-0530',
    '2026-03-01T08:00:00',
  ])('%s is an instant', (value) => {
    expect(isInstant(value)).toBe(true);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-W01-1',
    '2026-060',
    '2026-03-01T24:00:00Z',
    '2026-03-01T08:60Z',
    '2026-03-01T08:00:60Z',
    '+2026-03-01T08:00Z',
    '2026-03-01 08:00',
    '20260301T0800Z',
    'now',
  ])('%s is not an instant', (value) => {
    expect(isInstant(value)).toBe(false);
  });
});
