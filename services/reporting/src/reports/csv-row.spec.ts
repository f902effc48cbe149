import { csvRow } from './csv-row';

describe('csvRow: the one CSV writer of every export', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+cmd|/C calc!A0', `'+1+cmd|/C calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises user text starting a formula: %j', (text, cell) => {
    expect(csvRow([text])).toBe(cell);
  });

  it('leaves ordinary text, Arabic, numbers (negative too) and empty values as they are', () => {
    expect(csvRow(['نشر الميزانية', 'a=b', 42, -5, 12.5, null, undefined, ''])).toBe('نشر الميزانية,a=b,42,-5,12.5,,,');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"');
  });
});
