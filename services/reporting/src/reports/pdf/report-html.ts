import { readFileSync } from 'node:fs';
import { ReportLocale } from '../locale/report-locale';
import { esc } from './html-parts';
import { PdfDocument } from './pdf-document';

const FACES = [
  {
    subset: 'arabic',
    range: 'U+0600-06FF, U+0750-077F, U+0870-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FEFC',
  },
  {
    subset: 'latin',
    range:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+2074, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
  {
    subset: 'latin-ext',
    range:
      'U+0100-02AF, U+0304, U+0308, U+0329, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  },
];

let fontCss: string | null = null;
/** Amiri (the repository's Arabic face, with Latin) inlined, so the page needs no network and no files. */
export function amiriFontCss(): string {
  fontCss ??= FACES.flatMap(({ subset, range }) =>
    [400, 700].map((weight) => {
      const file = require.resolve(`@fontsource/amiri/files/amiri-${subset}-${weight}-normal.woff2`);
      return `@font-face{font-family:Amiri;font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format('woff2');unicode-range:${range}}`;
    }),
  ).join('\n');
  return fontCss;
}

/** Page geometry shared by the layout, the measure of the table of contents and page.pdf. */
export const PAGE = { widthMm: 210, heightMm: 297, marginTopMm: 24, marginBottomMm: 20, marginSideMm: 16 } as const;

const CSS = `
*{box-sizing:border-box}
html{font-family:Amiri,'DejaVu Sans',serif;font-size:11pt;line-height:1.55;color:#1d2733;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
h1,h2,h3{font-weight:700;line-height:1.3;color:#0b3d5c;margin-block:0 .5em}
h1{font-size:19pt;border-block-end:2px solid #0b7a75;padding-block-end:.2em}
h2{font-size:14pt;margin-block-start:1.1em}
p{margin-block:0 .6em}
.page-start{break-before:page}
.cover{block-size:${PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm - 2}mm;display:flex;flex-direction:column;justify-content:center;gap:6mm;padding-inline:6mm;border-inline-start:10mm solid #0b7a75}
.cover .kicker{font-size:13pt;color:#0b7a75;font-weight:700}
.cover h1{font-size:28pt;border:0;margin:0}
.cover .sub{font-size:16pt;color:#3b4b5c}
.cover .line{font-size:13pt}
.toc ol{list-style:none;padding:0;margin:0}
.toc li{display:flex;align-items:baseline;gap:2mm;padding-block:1mm}
.toc li.l2{padding-inline-start:8mm;font-size:10.5pt}
.toc a{color:inherit;text-decoration:none}
.toc .dots{flex:1;border-block-end:1px dotted #8895a3}
.toc .pg{min-inline-size:8mm;text-align:end;font-variant-numeric:tabular-nums}
table{inline-size:100%;border-collapse:collapse;margin-block:2mm 5mm;font-size:10pt}
thead{display:table-header-group}
tr{break-inside:avoid}
th{background:#0b3d5c;color:#fff;font-weight:700;text-align:start;padding:1.5mm 2mm}
td{border-block-end:1px solid #d5dbe1;padding:1.2mm 2mm;vertical-align:top;text-align:start}
tbody tr:nth-child(even) td{background:#f3f6f8}
.num{text-align:end;white-space:nowrap}
.progress{display:inline-flex;align-items:center;gap:2mm;inline-size:100%}
.track,.bar-track{flex:1;display:flex;block-size:3.2mm;background:#e3e8ec;border-radius:1.6mm;overflow:hidden;min-inline-size:20mm}
.fill,.bar-fill{display:block;background:#0b7a75;block-size:100%}
.figure,.bar-figure{min-inline-size:14mm;text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}
.chart{margin-block:2mm 5mm}
.chart .bar-figure{min-inline-size:30mm}
.bar-row{display:flex;align-items:center;gap:3mm;padding-block:1mm;break-inside:avoid}
.bar-label{inline-size:62mm}
.facts{display:grid;grid-template-columns:42mm 1fr;gap:1.2mm 4mm;margin-block:2mm 4mm}
.facts dt{font-weight:700;color:#3b4b5c}
.facts dd{margin:0}
.figures{display:flex;flex-wrap:wrap;gap:4mm;margin-block:3mm 5mm}
.figure-box{flex:1 1 36mm;border:1px solid #d5dbe1;border-block-start:3px solid #0b7a75;padding:3mm;display:flex;flex-direction:column}
.figure-value{font-size:20pt;font-weight:700;color:#0b3d5c}
.figure-caption{font-size:9.5pt;color:#3b4b5c}
.status-overdue{color:#a4262c;font-weight:700}
.status-completed{color:#0b7a75}
ul.steps{margin-block:0 3mm;padding-inline-start:6mm}
`;

/**
 * The whole report as one HTML page, laid out by the browser: the Unicode bidi algorithm, Arabic
 * shaping and line breaking are the engine's, right to left by dir="rtl" and logical CSS only.
 * Table-of-contents page numbers are filled in after measuring (see PdfRenderer).
 */
export function reportHtml(doc: PdfDocument, locale: ReportLocale): string {
  const toc = doc.sections
    .map(
      (s) =>
        `<li class="l${s.level}"><a href="#${esc(s.id)}">${esc(s.title)}</a><span class="dots"></span><span class="pg" data-toc="${esc(s.id)}"></span></li>`,
    )
    .join('');
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${esc(s.id)}"${s.level === 1 ? ' class="page-start" data-page-start' : ''}>${s.level === 1 ? `<h1>${esc(s.title)}</h1>` : `<h2>${esc(s.title)}</h2>`}${s.html}</section>`,
    )
    .join('');
  return `<!doctype html><html lang="${locale.language}" dir="${locale.dir}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${amiriFontCss()}${CSS}</style></head><body>
<section class="cover" data-page-start><div class="kicker">${esc(doc.subtitle)}</div><h1>${esc(doc.title)}</h1>${doc.cover.map((l) => `<div class="line">${esc(l)}</div>`).join('')}</section>
<section class="toc page-start" data-page-start><h1>${esc(locale.t('toc.title'))}</h1><ol>${toc}</ol></section>
${sections}</body></html>`;
}

/** The running header and the footer with page numbers (Chromium fills pageNumber and totalPages). */
export function headerFooter(
  doc: PdfDocument,
  locale: ReportLocale,
): { headerTemplate: string; footerTemplate: string } {
  // System fonts only: the templates are laid out once per page, and inlining Amiri there costs seconds.
  const style = `font-family:'DejaVu Sans',sans-serif;font-size:8.5pt;color:#3b4b5c;inline-size:100%;margin-inline:${PAGE.marginSideMm}mm;direction:${locale.dir}`;
  const page = esc(locale.t('footer.page', { page: '\u0000', pages: '\u0001' }))
    .replace('\u0000', '<span class="pageNumber"></span>')
    .replace('\u0001', '<span class="totalPages"></span>');
  return {
    headerTemplate: `<div style="${style};display:flex;justify-content:space-between;border-block-end:.5pt solid #c5ced6;padding-block-end:1mm"><span>${esc(doc.title)}</span><span>${esc(doc.running)}</span></div>`,
    footerTemplate: `<div style="${style};text-align:center">${page}</div>`,
  };
}
