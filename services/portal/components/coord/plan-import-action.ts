'use server';
import { GatewayError } from '../../gateway/gateway-error';
import { Locale } from '../../i18n/locales';
import { translator } from '../../i18n/translator';
import { verifyCsrf } from '../../session/verify-csrf';
import { formLocale, formText } from '../citizen/form-input';
import { sendToGateway } from '../citizen/gateway-send';
import type { RowErrorView, StaffFormState } from './form-state';

/** The gateway accepts bodies up to 900 KB on this route (docs/plan-import.md). */
const IMPORT_MAX_BYTES = 900_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ImportReport {
  planId: string;
  commitments: number;
  activities: number;
  institutionsCreated: number;
}

type FileKind = 'csv' | 'json';

function kindOf(file: File): FileKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.json') || file.type === 'application/json') return 'json';
  return null;
}

/**
 * Imports a plan from an uploaded file: a JSON file as documented (programme, plan header and
 * commitments in it), or a CSV file of activity rows with the plan's header taken from the form.
 * The gateway checks the whole file first and writes nothing on error; its row errors come back
 * grouped by row, each row shown with what it holds so the coordinator recognises it.
 */
export async function importPlan(_state: StaffFormState, form: FormData): Promise<StaffFormState> {
  const locale = formLocale(form);
  const t = translator(locale);
  const values = {
    programmeCode: formText(form, 'programmeCode', 40),
    planCode: formText(form, 'planCode', 60),
    titleAr: formText(form, 'titleAr', 600),
    titleFr: formText(form, 'titleFr', 600),
    titleEn: formText(form, 'titleEn', 600),
    startDate: formText(form, 'startDate', 20),
    endDate: formText(form, 'endDate', 20),
  };
  if (!(await verifyCsrf(form))) return { message: t('auth.sessionExpired'), values };
  const file = form.get('file');
  const fieldErrors: Record<string, string> = {};
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = t('coord.import.fileMissing');
  else if (file.size > IMPORT_MAX_BYTES) fieldErrors.file = t('coord.import.fileTooLarge', { max: '900' });
  else if (!kindOf(file)) fieldErrors.file = t('coord.import.fileType');
  if (Object.keys(fieldErrors).length) return { message: t('citizen.form.fixErrors'), fieldErrors, values };
  const upload = file as File;
  const kind = kindOf(upload) as FileKind;
  const text = (await upload.text()).replace(/^\uFEFF/, '');

  let body: Record<string, unknown>;
  if (kind === 'json') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return { message: t('citizen.form.fixErrors'), fieldErrors: { file: t('coord.import.jsonInvalid') }, values };
    }
  } else {
    if (!values.programmeCode) fieldErrors.programmeCode = t('auth.required');
    if (!values.planCode) fieldErrors.planCode = t('auth.required');
    if (!values.titleAr) fieldErrors.titleAr = t('auth.required');
    if (!DATE.test(values.startDate)) fieldErrors.startDate = t('coord.form.date');
    if (!DATE.test(values.endDate)) fieldErrors.endDate = t('coord.form.date');
    if (Object.keys(fieldErrors).length) return { message: t('coord.import.headerNeeded'), fieldErrors, values };
    const title: Record<string, string> = { ar: values.titleAr };
    if (values.titleFr) title.fr = values.titleFr;
    if (values.titleEn) title.en = values.titleEn;
    body = {
      programmeCode: values.programmeCode,
      plan: { code: values.planCode, title, startDate: values.startDate, endDate: values.endDate },
      csv: text,
    };
  }

  const sent = await sendToGateway<ImportReport>(locale, 'POST', '/plans/import', body);
  if (!sent.ok) return refused(locale, sent.error, kind, text, body, values);
  return {
    done: t('coord.import.done', {
      commitments: sent.data.commitments,
      activities: sent.data.activities,
      institutions: sent.data.institutionsCreated,
    }),
    links: [{ href: `/${locale}/plans/${sent.data.planId}`, label: t('coord.import.openPlan') }],
  };
}

/** The form's fields that the plan header of a CSV import fills. */
const HEADER_FIELDS: Record<string, string> = {
  programmeCode: 'programmeCode',
  'plan.code': 'planCode',
  'plan.title.ar': 'titleAr',
  'plan.title.fr': 'titleFr',
  'plan.title.en': 'titleEn',
  'plan.startDate': 'startDate',
  'plan.endDate': 'endDate',
};

function refused(
  locale: Locale,
  error: GatewayError,
  kind: FileKind,
  text: string,
  body: Record<string, unknown>,
  values: Record<string, string>,
): StaffFormState {
  const t = translator(locale);
  if (error.status === 401) return { message: t('citizen.sessionEnded'), values };
  if (error.status >= 500 || !error.message) return { message: t('auth.unavailable'), values };
  const details = (error.details ?? {}) as {
    errors?: { row: string; field: string; message: string }[];
    fields?: Record<string, string[]>;
  };
  const rows = new Map<string, RowErrorView>();
  const add = (row: string, field: string, message: string) => {
    const view = rows.get(row) ?? { row, excerpt: excerptOf(row, kind, text, body, locale), errors: [] };
    view.errors.push({ field, message });
    rows.set(row, view);
  };
  const fieldErrors: Record<string, string> = {};
  for (const e of details.errors ?? []) {
    const header = kind === 'csv' ? HEADER_FIELDS[e.row === 'plan' ? `plan.${e.field}` : e.field] : undefined;
    if (header) fieldErrors[header] = e.message;
    else add(e.row, e.field, e.message);
  }
  for (const [path, messages] of Object.entries(details.fields ?? {})) {
    const header = kind === 'csv' ? HEADER_FIELDS[path] : undefined;
    if (header) {
      fieldErrors[header] = messages.join(' ');
      continue;
    }
    // commitments.3.title.ar → row commitments[3], field title.ar
    const m = /^(commitments|areas|institutions)\.(\d+)(?:\.activities\.(\d+))?(?:\.indicators\.(\d+))?\.?(.*)$/.exec(
      path,
    );
    const row = m
      ? `${m[1]}[${m[2]}]${m[3] ? `.activities[${m[3]}]` : ''}${m[4] ? `.indicators[${m[4]}]` : ''}`
      : t('coord.import.wholeFile');
    for (const message of messages) add(row, m ? m[5] : path, message);
  }
  const ordered = [...rows.values()].sort((a, b) => rowOrder(a.row) - rowOrder(b.row) || a.row.localeCompare(b.row));
  return {
    message: ordered.length ? t('coord.import.rowsRefused', { count: ordered.length }) : error.message,
    rowErrors: ordered,
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    values,
  };
}

function rowOrder(row: string): number {
  const m = /(\d+)/.exec(row);
  return m ? Number(m[1]) : -1;
}

/** What a row holds, in a few words: the CSV line's commitment and activity, or the JSON commitment's number and title. */
function excerptOf(row: string, kind: FileKind, text: string, body: Record<string, unknown>, locale: Locale): string {
  if (kind === 'csv') {
    const m = /^line (\d+)$/.exec(row);
    if (!m) return '';
    const line = text.split(/\r?\n/)[Number(m[1]) - 1] ?? '';
    return line.length > 160 ? `${line.slice(0, 157)}…` : line;
  }
  const m = /^commitments\[(\d+)\]/.exec(row);
  const commitments = Array.isArray(body.commitments)
    ? (body.commitments as { number?: unknown; title?: Record<string, unknown> }[])
    : [];
  const c = m ? commitments[Number(m[1])] : undefined;
  if (!c) return '';
  const title = c.title ? String(c.title[locale] ?? c.title.ar ?? '') : '';
  return `${typeof c.number === 'number' ? `${c.number}. ` : ''}${title}`.slice(0, 160);
}
