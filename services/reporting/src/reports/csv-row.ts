/** Characters that make a spreadsheet read a cell as a formula or move to another cell (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line (RFC 4180 quoting, no line ending) for every CSV export. Text that a spreadsheet
 * would run as a formula is prefixed with a single quote, as OWASP advises; numbers stay numbers.
 */
export function csvRow(values: readonly unknown[]): string {
  return values
    .map((value) => {
      if (value === null || value === undefined) return '';
      let text = String(value);
      if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
