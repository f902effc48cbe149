import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
import type { Browser } from 'playwright-core';
import { ReportingConfig } from '../../reporting.config';
import { ReportLocale } from '../locale/report-locale';
import { PdfDocument } from './pdf-document';
import { headerFooter, PAGE, reportHtml } from './report-html';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-crash-reporter',
  '--disable-breakpad',
];
const PX_PER_MM = 96 / 25.4;

/**
 * Runs in the page (print media, viewport as wide as the printed text): each [data-page-start]
 * block starts a page; a section's page is its block's first page plus the page heights above it
 * within the block. Fills the table of contents and returns it with the page count it expects.
 */
const MEASURE_PAGES = `(pageHeight) => {
  const blocks = [...document.querySelectorAll('[data-page-start]')].map((el) => ({ top: el.getBoundingClientRect().top }));
  const end = document.body.getBoundingClientRect().bottom;
  let next = 1;
  blocks.forEach((b, i) => {
    b.first = next;
    const height = (i + 1 < blocks.length ? blocks[i + 1].top : end) - b.top;
    next += Math.max(1, Math.ceil((height - 0.5) / pageHeight));
  });
  const contents = {};
  for (const section of document.querySelectorAll('section[id]')) {
    const top = section.getBoundingClientRect().top;
    const block = blocks.filter((b) => b.top <= top + 0.5).pop();
    const slot = document.querySelector('[data-toc="' + section.id + '"]');
    if (block && slot) slot.textContent = String((contents[section.id] = block.first + Math.floor((top - block.top) / pageHeight)));
  }
  return { pages: next - 1, contents };
}`;

/** Pages in a PDF file: one page object each (Skia writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/**
 * HTML to PDF in a headless Chromium: a separate process lays out and prints, so the service's
 * event loop only hands over the HTML and receives the file. One browser per process, launched on
 * first use and again if it dies; one page per report.
 */
@Injectable()
export class PdfRenderer implements OnApplicationBootstrap, OnModuleDestroy {
  private browser: Promise<Browser> | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * A process that runs jobs loads playwright-core at boot: loading it is synchronous and took
   * up to 1.8 s on a loaded machine, which must not happen under a job holding its lock. A
   * replica that only serves requests never loads it (~68 MB).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.RUN_WORKER) await import('playwright-core');
  }

  private launch(): Promise<Browser> {
    this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: this.config.CHROMIUM_PATH, args: CHROMIUM_ARGS }))
      .then(
        (browser) => {
          browser.on('disconnected', () => (this.browser = null));
          return browser;
        },
        (err: Error) => {
          this.browser = null;
          throw new Error(`Chromium could not start (${this.config.CHROMIUM_PATH}): ${err.message.split('\n')[0]}`);
        },
      );
    return this.browser;
  }

  /** Lays the report out twice: once to measure where each section falls, once to print with those page numbers. */
  async render(
    doc: PdfDocument,
    locale: ReportLocale,
    progress: (pct: number) => Promise<void> = async () => undefined,
  ): Promise<{ pdf: Buffer; pages: number; contents: Record<string, number> }> {
    const browser = await this.launch();
    const contentWidth = Math.floor((PAGE.widthMm - 2 * PAGE.marginSideMm) * PX_PER_MM);
    const contentHeight = (PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm) * PX_PER_MM;
    const page = await browser.newPage({
      viewport: { width: contentWidth, height: Math.floor(contentHeight) },
      javaScriptEnabled: true,
    });
    try {
      await page.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      await page.emulateMedia({ media: 'print' });
      await page.setContent(reportHtml(doc, locale), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      await progress(40);
      const { pages: estimated, contents } = await page.evaluate<{ pages: number; contents: Record<string, number> }>(
        `(${MEASURE_PAGES})(${contentHeight})`,
      );
      await progress(60);
      const pdf = await page.pdf({
        width: `${PAGE.widthMm}mm`,
        height: `${PAGE.heightMm}mm`,
        margin: {
          top: `${PAGE.marginTopMm}mm`,
          bottom: `${PAGE.marginBottomMm}mm`,
          left: `${PAGE.marginSideMm}mm`,
          right: `${PAGE.marginSideMm}mm`,
        },
        printBackground: true,
        displayHeaderFooter: true,
        ...headerFooter(doc, locale),
        outline: true,
        tagged: true,
      });
      const pages = pdfPageCount(pdf);
      if (pages !== estimated)
        this.logger.warn(
          { estimated, pages, title: doc.title },
          'table of contents measured a different page count than printed',
        );
      return { pdf, pages, contents };
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    await (await browser?.catch(() => null))?.close().catch(() => undefined);
  }
}
