import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { Localized, ReportFormat } from '@ogp/contracts';
import { Clock } from '@ogp/runtime';
import { csvRow } from '../csv-row';
import { ReportLocale } from '../locale/report-locale';
import { MessageKey } from '../locale/report-messages.constant';
import { activityStatus } from '../plan-figures';
import { PlanCards } from '../plan-cards';
import { ExportCommitmentRow, ReportsRepository } from '../reports.repository';
import { sheetColumns } from '../table-output';
import { SheetColumn, SheetWriter } from '../xlsx/sheet-writer';

const KEYS = [
  'plan',
  'area',
  'commitment_number',
  'commitment_title',
  'activity_id',
  'activity_title',
  'end_date',
  'progress',
  'status',
];

/** Commitments are walked in batches of about this many activities. */
const BATCH_ACTIVITIES = 2000;

/**
 * Every activity, in the order people read a plan: by area (in the plan's order: its first
 * commitment number), commitment number, then activity end date. Commitments are walked in
 * batches and their activities fetched per batch, so memory does not grow with the plan.
 */
@Injectable()
export class ActivitiesExport {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly cards: PlanCards,
    private readonly clock: Clock,
  ) {}

  async write(
    sink: Writable,
    format: ReportFormat,
    planId: string | undefined,
    l: ReportLocale,
    progress: (p: number) => Promise<void>,
  ): Promise<void> {
    const now = this.clock.now();
    const commitments = await this.reports.exportCommitments(planId ?? null);
    const total = commitments.reduce((sum, c) => sum + c.activities, 0);
    const plans = new Map<string, Promise<Localized | null>>();
    const planTitle = (id: string) => {
      if (!plans.has(id)) plans.set(id, this.cards.planTitle(id));
      return plans.get(id)!;
    };
    const columns: SheetColumn[] = sheetColumns(l, [
      ['col.plan', 28, 'text'],
      ['col.area', 28, 'text'],
      ['col.commitmentNumber', 12, 'number'],
      ['col.commitment', 48, 'text'],
      ['col.activity', 48, 'text'],
      ['col.endDate', 14, 'date'],
      ['col.progress', 12, 'percent'],
      ['col.status', 16, 'text'],
    ]);
    const sheet =
      format === 'xlsx'
        ? new SheetWriter(sink, { name: l.t('activities.title'), rightToLeft: l.dir === 'rtl', columns })
        : null;
    const out = new PassThrough();
    const piping = sheet ? null : pipeline(out, sink);
    const write = async (text: string) => {
      // A sink that fails (its database went away) destroys `out`: waiting for a drain would wait for ever.
      if (!out.write(text))
        await new Promise<void>((res, rej) => {
          const done = (err?: Error) => {
            out.off('drain', done).off('close', closed);
            if (err) rej(err);
            else res();
          };
          const closed = () => done(new Error('the report could not be written'));
          out.once('drain', done).once('close', closed);
        });
    };
    if (format === 'csv') await write('\uFEFF' + csvRow(KEYS) + '\n');
    else if (format === 'json') await write('[');
    let done = 0;
    let batch: ExportCommitmentRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = await this.reports.exportActivities(
        batch.map((c) => c.id),
        now,
      );
      const byId = new Map(batch.map((c) => [c.id, c]));
      const titles = new Map<string, string>();
      for (const c of batch) if (!titles.has(c.plan_id)) titles.set(c.plan_id, l.text(await planTitle(c.plan_id)));
      for (const a of rows) {
        const c = byId.get(a.commitment_id)!;
        const status = activityStatus(a.progress, a.end_date, a.today);
        const plan = titles.get(c.plan_id)!;
        if (sheet) {
          sheet.add([
            plan,
            l.text(c.area_title),
            c.number,
            l.text(c.title),
            l.text(a.title),
            new Date(`${a.end_date}T00:00:00Z`),
            a.progress / 100,
            l.t(`status.${status}` as MessageKey),
          ]);
        } else {
          const values = [
            plan,
            c.area_title?.ar ?? '',
            c.number,
            c.title?.ar ?? '',
            a.id,
            a.title?.ar ?? '',
            a.end_date,
            a.progress,
            status,
          ];
          if (format === 'csv') await write(csvRow(values) + '\n');
          else
            await write((done > 0 ? ',' : '') + JSON.stringify(Object.fromEntries(KEYS.map((k, i) => [k, values[i]]))));
        }
        done += 1;
      }
      batch = [];
      await sheet?.drained();
      await progress((95 * done) / Math.max(total, 1));
    };
    let pending = 0;
    for (const c of commitments) {
      batch.push(c);
      pending += c.activities;
      if (pending >= BATCH_ACTIVITIES) {
        await flush();
        pending = 0;
      }
    }
    await flush();
    if (sheet) {
      await sheet.finish();
    } else {
      if (format === 'json') await write(']');
      out.end();
      await piping;
    }
  }
}
