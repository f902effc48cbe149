import PDFDocument from 'pdfkit';
import { Writable } from 'node:stream';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Splits a word into runs the Arabic face can draw and runs it cannot (Latin digits, punctuation). */
const RUNS = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+|[^\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
const FONTS = {
  arabic: require.resolve('@fontsource/amiri/files/amiri-arabic-400-normal.woff'),
  latin: require.resolve('@fontsource/amiri/files/amiri-latin-400-normal.woff'),
};

/**
 * An Arabic-first PDF: each word is shaped by the font (joined letters, ligatures) and placed
 * from the right margin leftwards in reading order, so the page reads right to left and the
 * text extracts in logical order. Words without Arabic letters use the Latin face.
 */
export class RtlPdf {
  private readonly doc: PDFKit.PDFDocument;
  private y: number;
  private readonly left = 50;
  private readonly right: number;

  constructor(out: Writable, title: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Producer: 'OGP platform' } });
    this.doc.registerFont('arabic', FONTS.arabic);
    this.doc.registerFont('latin', FONTS.latin);
    this.doc.pipe(out);
    this.right = this.doc.page.width - 50;
    this.y = 50;
  }

  private fontFor(word: string): string {
    return ARABIC.test(word) ? 'arabic' : 'latin';
  }

  private width(word: string, size: number): number {
    return (word.match(RUNS) ?? []).reduce((sum, run) => sum + this.doc.font(this.fontFor(run)).fontSize(size).widthOfString(run), 0);
  }

  /** Draws a word ending at x: its runs in reading order, each further left. */
  private drawWord(word: string, x: number, size: number): void {
    for (const run of word.match(RUNS) ?? []) {
      const w = this.doc.font(this.fontFor(run)).fontSize(size).widthOfString(run);
      x -= w;
      this.doc.text(run, x, this.y, { lineBreak: false });
    }
  }

  /** Writes one paragraph right to left, wrapping within the margins. */
  line(text: string, size = 11, gapAfter = 4): void {
    const words = text.split(/\s+/).filter(Boolean);
    const space = this.width(' ', size) || size / 3;
    const lineHeight = size * 1.6;
    if (this.y + lineHeight > this.doc.page.height - 50) this.newPage();
    let x = this.right;
    for (const word of words) {
      const w = this.width(word, size);
      if (x - w < this.left && x !== this.right) {
        this.y += lineHeight;
        if (this.y + lineHeight > this.doc.page.height - 50) this.newPage();
        x = this.right;
      }
      this.drawWord(word, x, size);
      x -= w + space;
    }
    this.y += lineHeight + gapAfter;
  }

  heading(text: string): void {
    this.y += 6;
    this.line(text, 16, 6);
  }

  subheading(text: string): void {
    this.line(text, 13, 3);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = 50;
  }

  end(): void {
    this.doc.end();
  }
}
