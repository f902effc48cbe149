import { Worker } from 'node:worker_threads';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { Logger } from 'pino';
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

/** What the worker is asked to print: the HTML, its templates and the page geometry. */
interface RenderRequest {
  type: 'render';
  id: number;
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  contentWidth: number;
  contentHeight: number;
  page: { widthMm: number; heightMm: number; marginTopMm: number; marginBottomMm: number; marginSideMm: number };
  measurePages: string;
}

type WorkerMessage =
  | { type: 'progress'; id: number; pct: number }
  | { type: 'done'; id: number; pdf: Uint8Array; estimated: number; contents: Record<string, number> }
  | { type: 'failed'; id: number; message: string }
  | { type: 'closed' };

/**
 * The worker thread that drives Chromium through playwright-core (plain JavaScript, evaluated, so
 * it runs the same from the built service and under jest). Loading playwright-core is synchronous
 * and took up to 1.8 s on a loaded machine: in this thread it blocks nobody, and a process that
 * never prints a PDF never loads it. One browser per worker, launched on first use and again if it
 * dies; one page per report.
 */
const RENDER_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { chromium } = require(workerData.playwright);
let browser = null;
function launch() {
  browser ??= chromium.launch({ executablePath: workerData.executablePath, args: workerData.args }).then(
    (b) => { b.on('disconnected', () => (browser = null)); return b; },
    (err) => {
      browser = null;
      throw new Error('Chromium could not start (' + workerData.executablePath + '): ' + err.message.split('\\n')[0]);
    },
  );
  return browser;
}
async function render(job, progress) {
  const page = await (await launch()).newPage({
    viewport: { width: job.contentWidth, height: Math.floor(job.contentHeight) },
    javaScriptEnabled: true,
  });
  try {
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.emulateMedia({ media: 'print' });
    await page.setContent(job.html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    progress(40);
    const { pages: estimated, contents } = await page.evaluate('(' + job.measurePages + ')(' + job.contentHeight + ')');
    progress(60);
    const P = job.page;
    const pdf = await page.pdf({
      width: P.widthMm + 'mm',
      height: P.heightMm + 'mm',
      margin: { top: P.marginTopMm + 'mm', bottom: P.marginBottomMm + 'mm', left: P.marginSideMm + 'mm', right: P.marginSideMm + 'mm' },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: job.headerTemplate,
      footerTemplate: job.footerTemplate,
      outline: true,
      tagged: true,
    });
    return { pdf, estimated, contents };
  } finally {
    await page.close().catch(() => undefined);
  }
}
parentPort.on('message', async (msg) => {
  if (msg.type === 'close') {
    const b = browser;
    browser = null;
    await (await (b ? b.catch(() => null) : null))?.close().catch(() => undefined);
    parentPort.postMessage({ type: 'closed' });
    return;
  }
  const id = msg.id;
  try {
    const result = await render(msg, (pct) => parentPort.postMessage({ type: 'progress', id, pct }));
    parentPort.postMessage({ type: 'done', id, ...result });
  } catch (err) {
    parentPort.postMessage({ type: 'failed', id, message: err.message });
  }
});
`;

interface Pending {
  resolve: (r: { pdf: Buffer; estimated: number; contents: Record<string, number> }) => void;
  reject: (e: Error) => void;
  progress: (pct: number) => Promise<void>;
  /** The job's progress updates, in order; the answer waits for them. */
  updates: Promise<void>;
}

/**
 * HTML to PDF in a headless Chromium: a separate process lays out and prints, driven from a worker
 * thread started on the first PDF (nothing of playwright-core is loaded at rest), so the service's
 * event loop only hands over the HTML and receives the file.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(RENDER_WORKER, {
      eval: true,
      workerData: {
        playwright: require.resolve('playwright-core'),
        executablePath: this.config.CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
      },
    });
    worker.on('message', (msg: WorkerMessage) => this.receive(msg));
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the PDF worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private receive(msg: WorkerMessage): void {
    if (msg.type === 'closed') return;
    const job = this.pending.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      job.updates = job.updates.then(() => job.progress(msg.pct));
      return;
    }
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (msg.type === 'failed') return job.reject(new Error(msg.message));
    const pdf = Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength);
    job.updates.then(
      () => job.resolve({ pdf, estimated: msg.estimated, contents: msg.contents }),
      (err: Error) => job.reject(err),
    );
  }

  /** Lays the report out twice: once to measure where each section falls, once to print with those page numbers. */
  async render(
    doc: PdfDocument,
    locale: ReportLocale,
    progress: (pct: number) => Promise<void> = async () => undefined,
  ): Promise<{ pdf: Buffer; pages: number; contents: Record<string, number> }> {
    const worker = this.start();
    const id = this.nextId++;
    const request: RenderRequest = {
      type: 'render',
      id,
      html: reportHtml(doc, locale),
      ...headerFooter(doc, locale),
      contentWidth: Math.floor((PAGE.widthMm - 2 * PAGE.marginSideMm) * PX_PER_MM),
      contentHeight: (PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm) * PX_PER_MM,
      page: PAGE,
      measurePages: MEASURE_PAGES,
    };
    const { pdf, estimated, contents } = await new Promise<{
      pdf: Buffer;
      estimated: number;
      contents: Record<string, number>;
    }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress, updates: Promise.resolve() });
      worker.ref();
      worker.postMessage(request);
    });
    const pages = pdfPageCount(pdf);
    if (pages !== estimated)
      this.logger.warn(
        { estimated, pages, title: doc.title },
        'table of contents measured a different page count than printed',
      );
    return { pdf, pages, contents };
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.ref();
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      worker.once('exit', done);
      worker.on('message', (msg: WorkerMessage) => msg.type === 'closed' && done());
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
  }
}
