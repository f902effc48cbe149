import { once } from 'node:events';
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  width: number;
  /** Dates are written as dates, numbers and percentages as numbers, with a display format. */
  type: 'text' | 'number' | 'date' | 'percent';
}

const FORMATS: Record<SheetColumn['type'], string | undefined> = {
  text: undefined,
  number: '#,##0.##',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};

/**
 * One sheet streamed with exceljs's WorkbookWriter: each row is committed (written out and
 * forgotten) as it comes, so memory does not grow with the row count. Headers bold and frozen,
 * column widths set, the sheet right to left for Arabic, a filter on the header row.
 */
export class SheetWriter {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  /** One style object per column, shared by its cells: exceljs caches a style by object, so 800,000 cells cost 8 lookups. */
  private readonly styles: Partial<ExcelJS.Style>[];

  constructor(
    private readonly out: Writable,
    options: { name: string; rightToLeft: boolean; columns: SheetColumn[]; rows?: number },
  ) {
    // Loaded on the first spreadsheet, not at start: exceljs and its zip libraries were about 200 ms
    // of the reporting service's boot (about a seventh), for a file most runs never write.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const excel = require('exceljs') as typeof ExcelJS;
    this.book = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.book.creator = 'OGP platform';
    this.sheet = this.book.addWorksheet(options.name.slice(0, 31), {
      views: [
        {
          state: 'frozen',
          xSplit: 0,
          ySplit: 1,
          topLeftCell: 'A2',
          activeCell: 'A2',
          rightToLeft: options.rightToLeft,
        },
      ],
    });
    this.styles = options.columns.map((c) => Object.freeze(FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {}));
    this.sheet.columns = options.columns.map((c, i) => ({ key: String(i), width: c.width }));
    const header = this.sheet.getRow(1);
    header.values = options.columns.map((c) => c.header);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B3D5C' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: options.columns.length } };
    header.commit();
  }

  add(values: (string | number | Date | null)[]): void {
    const row = this.sheet.addRow(values);
    for (let i = 0; i < this.styles.length; i++) row.getCell(i + 1).style = this.styles[i];
    row.commit();
  }

  /** Waits while the file's consumer is behind, so rows never pile up in memory. */
  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    await this.book.commit();
  }
}
