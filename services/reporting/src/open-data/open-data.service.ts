import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  CommitmentsRpc,
  DomainError,
  ErrorCode,
  Language,
  LANGUAGES,
  Localized,
  OPEN_DATA_DATASETS,
  OPEN_DATA_FORMATS,
  OpenDataDataset,
  OpenDataDictionary,
  OpenDataFileHead,
  OpenDataFormat,
  OpenDataIndex,
  OpenDataIndexEntry,
  ParticipationRpc,
} from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { Clock, LOGGER } from '@ogp/runtime';
import { today } from '@ogp/tracking';
import type { Logger } from 'pino';
import { csvRow } from '../reports/csv-row';
import { SheetWriter } from '../reports/xlsx/sheet-writer';
import { OPEN_DATA_COLUMNS } from './open-data-columns.constant';
import { MAX_OPEN_DATA_ROWS, OpenDataRepository } from './open-data.repository';
import { statisticsRows } from './statistics-rows';

type Value = string | number | Localized | null;
type Row = Record<string, Value>;
interface Source {
  /** Changes whenever a row of the file would. */
  version: string;
  updatedAt: Date | null;
  title: Localized;
  code: string;
  rows: () => AsyncIterable<Row>;
}

/** Raised when a file's layout changes, so files made by older code are made again. */
const LAYOUT_VERSION = 'open-data-1';
/** Raw bytes per chunk: base64 of it stays well under NATS's 1 MB message limit. */
export const OPEN_DATA_CHUNK_BYTES = 256 * 1024;
const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const SUBJECT_DATASETS = { plan: ['commitments', 'activities'], cycle: ['ideas', 'statistics'] } as const;
const INDEX_SUBJECTS = 100;
const IDEAS_PAGE = 500;

const text = (value: Localized | null | undefined, language: Language): string => value?.[language] || value?.ar || '';

/**
 * Open data: every plan's commitments and activities, every cycle's public ideas and statistics,
 * as CSV, JSON and XLSX. A file is generated when the data's version differs from the stored
 * one's (else served as stored), written by the exports' own writers (csvRow, SheetWriter).
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly repository: OpenDataRepository,
    private readonly rpc: NatsRpcClient,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  dictionary(): OpenDataDictionary {
    return {
      datasets: OPEN_DATA_DATASETS.map((dataset) => {
        const { subject, description, columns } = OPEN_DATA_COLUMNS[dataset];
        return { dataset, subject, description, columns: columns.map(({ width: _width, ...column }) => column) };
      }),
    };
  }

  async file(
    dataset: OpenDataDataset,
    subjectId: string,
    format: OpenDataFormat,
    language: Language,
  ): Promise<OpenDataFileHead> {
    const source = await this.source(dataset, subjectId);
    const version = createHash('sha256')
      .update(`${LAYOUT_VERSION}|${dataset}|${format}|${language}|${source.version}`)
      .digest('hex')
      .slice(0, 32);
    const key = fileKey(dataset, subjectId, format, language);
    const stored = await this.repository.head(key);
    if (stored?.version === version) return headOf(stored);
    const started = Date.now();
    const data = await this.render(dataset, format, language, source.rows());
    const file = {
      version,
      contentType: CONTENT_TYPES[format],
      fileName: `${source.code}-${dataset}-${language}.${format}`,
      updatedAt: source.updatedAt ?? this.clock.now(),
    };
    await this.repository.store(key, file, data);
    this.logger.info(
      { dataset, subjectId, format, language, bytes: data.length, ms: Date.now() - started },
      'open-data file generated',
    );
    return headOf({ ...file, size: data.length });
  }

  async chunk(
    dataset: OpenDataDataset,
    subjectId: string,
    format: OpenDataFormat,
    language: Language,
    version: string,
    index: number,
  ): Promise<{ data: string; last: boolean }> {
    const slice = await this.repository.slice(
      fileKey(dataset, subjectId, format, language),
      version,
      index * OPEN_DATA_CHUNK_BYTES,
      OPEN_DATA_CHUNK_BYTES,
    );
    if (!slice) throw new DomainError(ErrorCode.CONFLICT, 'a newer version of this file replaced the one being read');
    return {
      data: Buffer.from(slice.data).toString('base64'),
      last: (index + 1) * OPEN_DATA_CHUNK_BYTES >= slice.size,
    };
  }

  /** Every dataset with its files' links and sizes (in the index's language), newest plans first; bounded. */
  async index(language: Language): Promise<OpenDataIndex> {
    const subjects: { kind: 'plan' | 'cycle'; id: string }[] = [];
    for (const plan of await this.repository.plans(INDEX_SUBJECTS)) subjects.push({ kind: 'plan', id: plan.planId });
    const cycles = await this.rpc.request(ParticipationRpc.listCycles, { limit: INDEX_SUBJECTS, offset: 0 });
    for (const cycle of cycles.items) subjects.push({ kind: 'cycle', id: cycle.id });
    const datasets: OpenDataIndexEntry[] = [];
    for (const subject of subjects) {
      for (const dataset of SUBJECT_DATASETS[subject.kind]) {
        try {
          const files: OpenDataIndexEntry['files'] = [];
          let updatedAt = '';
          let title: Localized = { ar: '' };
          for (const format of OPEN_DATA_FORMATS) {
            const head = await this.file(dataset, subject.id, format, language);
            files.push({
              format,
              url: `${datasetPath(subject.kind, subject.id, dataset, format)}?lang=${language}`,
              size: head.size,
            });
            updatedAt = head.updatedAt;
          }
          title = (await this.sourceTitle(subject.kind, subject.id)) ?? title;
          datasets.push({ dataset, subject: { ...subject, title }, updatedAt, files });
        } catch (err) {
          // One subject its owner cannot describe now does not take the index down.
          this.logger.warn(
            { dataset, subjectId: subject.id, err: (err as Error).message },
            'open-data index without a dataset',
          );
        }
      }
    }
    return {
      dictionary: '/open-data/dictionary',
      atom: LANGUAGES.map((l) => ({ language: l, url: `/open-data/publications/${l}.atom` })),
      datasets,
    };
  }

  private readonly titles = new Map<string, Localized>();

  private async sourceTitle(kind: 'plan' | 'cycle', id: string): Promise<Localized | undefined> {
    if (!this.titles.has(id)) {
      const title =
        kind === 'plan'
          ? (await this.rpc.request(CommitmentsRpc.getPlan, { id })).title
          : (await this.rpc.request(ParticipationRpc.getCycle, { id })).title;
      if (this.titles.size > 1000) this.titles.clear();
      this.titles.set(id, title);
    }
    return this.titles.get(id);
  }

  /** Where a dataset's rows come from and their version; an unknown subject is the owner's 404. */
  private async source(dataset: OpenDataDataset, subjectId: string): Promise<Source> {
    switch (dataset) {
      case 'commitments':
      case 'activities': {
        const plan = await this.rpc.request(CommitmentsRpc.getPlan, { id: subjectId });
        this.titles.set(subjectId, plan.title);
        const v = await this.repository.planVersion(subjectId);
        // An activity turns overdue with the date alone: the day (in the plan's programme's zone) is part of its version.
        const version = dataset === 'activities' ? `${v.version}|${today(this.clock, v.timeZone)}` : v.version;
        const rows =
          dataset === 'commitments' ? () => this.commitmentRows(subjectId) : () => this.activityRows(subjectId);
        return { version, updatedAt: v.updatedAt, title: plan.title, code: plan.code, rows };
      }
      case 'ideas': {
        const cycle = await this.rpc.request(ParticipationRpc.getCycle, { id: subjectId });
        this.titles.set(subjectId, cycle.title);
        const v = await this.rpc.request(ParticipationRpc.openIdeasVersion, { cycleId: subjectId });
        return {
          version: v.version,
          updatedAt: v.updatedAt ? new Date(v.updatedAt) : null,
          title: cycle.title,
          code: cycle.code,
          rows: () => this.ideaRows(subjectId),
        };
      }
      case 'statistics': {
        const cycle = await this.rpc.request(ParticipationRpc.getCycle, { id: subjectId });
        this.titles.set(subjectId, cycle.title);
        const stats = statisticsRows(await this.rpc.request(ParticipationRpc.statistics, { id: subjectId }));
        const version = createHash('sha256')
          .update(JSON.stringify(stats.map((s) => [s.measure, s.value])))
          .digest('hex');
        return {
          version,
          // Statistics carry no change time: a new version is dated when it is first generated.
          updatedAt: null,
          title: cycle.title,
          code: cycle.code,
          rows: () => toAsync(stats.map((s): Row => ({ measure: s.measure, label: s.label, value: s.value }))),
        };
      }
    }
  }

  private async *commitmentRows(planId: string): AsyncGenerator<Row> {
    const institutions = new Map<string, Localized | null>();
    for (const c of await this.repository.commitments(planId)) {
      if (!institutions.has(c.institutionId)) {
        institutions.set(
          c.institutionId,
          await this.rpc.request(CommitmentsRpc.getInstitution, { id: c.institutionId }).then(
            (i) => i.name,
            () => null,
          ),
        );
      }
      yield {
        number: c.number,
        area: c.area,
        title: c.title,
        lead_institution: institutions.get(c.institutionId) ?? null,
        start_date: c.startDate,
        end_date: c.endDate,
        progress: c.progress,
        completion_level: c.completionLevel,
        activities: c.activities,
        results: c.results,
      };
    }
  }

  private async *activityRows(planId: string): AsyncGenerator<Row> {
    for await (const a of this.repository.activities(planId, this.clock.now())) {
      yield {
        commitment_number: a.commitmentNumber,
        commitment: a.commitment,
        activity: a.activity,
        end_date: a.endDate,
        progress: a.progress,
        status: a.status,
      };
    }
  }

  private async *ideaRows(cycleId: string): AsyncGenerator<Row> {
    let after: { submittedAt: string; id: string } | undefined;
    for (let seen = 0; seen < MAX_OPEN_DATA_ROWS;) {
      const { items } = await this.rpc.request(ParticipationRpc.openIdeas, { cycleId, after, limit: IDEAS_PAGE });
      for (const i of items) {
        yield {
          id: i.id,
          theme_number: i.themeNumber,
          theme: i.themeTitle,
          channel: i.channel,
          workshop_number: i.workshopNumber,
          title: i.title,
          body: i.body,
          institution: i.institution,
          submitted_on: i.submittedOn,
          supports: i.supports,
          fate: i.fate,
          fate_explanation: i.fateExplanation,
          fate_published_on: i.fatePublishedOn,
          draft_commitment_number: i.draftCommitmentNumber,
        };
      }
      seen += items.length;
      if (items.length < IDEAS_PAGE) return;
      const last = items[items.length - 1];
      after = { submittedAt: last.submittedAt, id: last.id };
    }
  }

  /** Rows in the language asked: titles picked, codes named (JSON keeps the codes, as the dictionary lists them). */
  private async render(
    dataset: OpenDataDataset,
    format: OpenDataFormat,
    language: Language,
    rows: AsyncIterable<Row>,
  ): Promise<Buffer> {
    const columns = OPEN_DATA_COLUMNS[dataset].columns;
    const labels = columns.map((c) => new Map((c.values ?? []).map((v) => [v.code, text(v.label, language)])));
    const cell = (row: Row, i: number, forJson: boolean): string | number | null => {
      const value = row[columns[i].id];
      if (value === null || value === undefined) return null;
      if (typeof value === 'object') return text(value, language) || null;
      if (columns[i].type === 'code' && !forJson) return labels[i].get(String(value)) ?? String(value);
      return value;
    };
    const out = new Collector();
    if (format === 'csv') {
      // A byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
      out.write(`\uFEFF${csvRow(columns.map((c) => text(c.label, language)))}\r\n`);
      for await (const row of rows) out.write(`${csvRow(columns.map((_, i) => cell(row, i, false)))}\r\n`);
    } else if (format === 'json') {
      let first = true;
      out.write('[');
      for await (const row of rows) {
        out.write(
          `${first ? '\n' : ',\n'}${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.id, cell(row, i, true)])))}`,
        );
        first = false;
      }
      out.write('\n]\n');
    } else {
      const sheet = new SheetWriter(out, {
        name: text(OPEN_DATA_COLUMNS[dataset].description, language).slice(0, 31) || dataset,
        rightToLeft: language === 'ar',
        columns: columns.map((c) => ({
          header: text(c.label, language),
          width: c.width,
          type: c.type === 'code' ? 'text' : c.type,
        })),
      });
      for await (const row of rows) {
        sheet.add(
          columns.map((c, i) => {
            const value = cell(row, i, false);
            return c.type === 'date' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
          }),
        );
        await sheet.drained();
      }
      await sheet.finish();
    }
    // exceljs ends the stream itself when the workbook is committed.
    if (!out.writableEnded) out.end();
    if (!out.writableFinished) await once(out, 'finish');
    return Buffer.concat(out.chunks);
  }
}

/** Collects a generated file: bounded by the row limit, so by MAX_OPEN_DATA_ROWS rows' bytes. */
class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    callback();
  }
}

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

function fileKey(dataset: OpenDataDataset, subjectId: string, format: OpenDataFormat, language: Language): string {
  return `${dataset}:${subjectId}:${format}:${language}`;
}

/** The stable URL of a dataset file on the gateway. */
export function datasetPath(
  kind: 'plan' | 'cycle',
  id: string,
  dataset: OpenDataDataset,
  format: OpenDataFormat,
): string {
  return `/open-data/${kind === 'plan' ? 'plans' : 'cycles'}/${id}/${dataset}.${format}`;
}

function headOf(file: {
  version: string;
  contentType: string;
  fileName: string;
  size: number;
  updatedAt: Date;
}): OpenDataFileHead {
  return {
    version: file.version,
    contentType: file.contentType,
    fileName: file.fileName,
    size: file.size,
    chunks: Math.max(1, Math.ceil(file.size / OPEN_DATA_CHUNK_BYTES)),
    updatedAt: file.updatedAt.toISOString(),
  };
}
