import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReportFormat } from '@ogp/contracts';
import { csvRow } from './csv-row';
import { ReportLocale } from './locale/report-locale';
import { MessageKey } from './locale/report-messages.constant';
import { SheetColumn, SheetWriter } from './xlsx/sheet-writer';

/** A sheet's columns from [header message, width, type], headers in the report's language. */
export function sheetColumns(l: ReportLocale, columns: [MessageKey, number, SheetColumn['type']][]): SheetColumn[] {
  return columns.map(([header, width, type]) => ({ header: l.t(header), width, type }));
}

/** A small table as an XLSX sheet, or as CSV (percent columns as 0-100 figures). */
export async function writeTable(
  sink: Writable,
  format: ReportFormat,
  l: ReportLocale,
  columns: SheetColumn[],
  rows: (string | number | null)[][],
  name: string,
): Promise<void> {
  if (format === 'xlsx') {
    const sheet = new SheetWriter(sink, { name, rightToLeft: l.dir === 'rtl', columns });
    for (const r of rows) sheet.add(r);
    await sheet.finish();
    return;
  }
  const text =
    '\uFEFF' +
    [
      columns.map((c) => c.header),
      ...rows.map((r) =>
        r.map((v, i) => (columns[i].type === 'percent' && typeof v === 'number' ? Math.round(v * 10000) / 100 : v)),
      ),
    ]
      .map(csvRow)
      .join('\n') +
    '\n';
  await pipeline(Readable.from([Buffer.from(text)]), sink);
}

/** A value as indented JSON. */
export function writeJson(sink: Writable, value: unknown): Promise<void> {
  return pipeline(Readable.from([Buffer.from(JSON.stringify(value, null, 1))]), sink);
}
