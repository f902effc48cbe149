import { execFileSync } from 'node:child_process';

const NEUTRAL = /[\s.,:;()[\]{}«»"'\-–—/%٪·]/;

/**
 * pdftotext writes each right-to-left line in reading order, but a left-to-right run inside it
 * (digits, Latin words) between LRE and PDF marks in the order it is drawn, with the neutral
 * characters drawn beside it: those to its left come after it when read right to left, those to
 * its right before. This puts the whole line back in logical order.
 */
export function logicalOrder(line: string): string {
  return line
    .replace(/\u202A([^\u202A-\u202E]*)\u202C/g, (_, run: string) => {
      let start = 0;
      while (start < run.length && NEUTRAL.test(run[start])) start++;
      let end = run.length;
      while (end > start && NEUTRAL.test(run[end - 1])) end--;
      // The characters are the logical ones (a mirrored bracket is still extracted as itself): only their order changes.
      const reverse = (s: string) => [...s].reverse().join('');
      return reverse(run.slice(end)) + run.slice(start, end) + reverse(run.slice(0, start));
    })
    .replace(/[\u202A-\u202E]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The text of a PDF (or of pages first..last) in logical order, one line per line, through poppler's pdftotext. */
export function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'])
    .toString('utf8')
    .split('\n')
    .map(logicalOrder)
    .join('\n');
}
