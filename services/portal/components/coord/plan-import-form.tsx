'use client';
import { ReactNode, useActionState } from 'react';
import type { StaffFormState } from './form-state';
import { Field, FormOutcome, FormActions } from './staff-form-parts';

/** The plan's title in the three languages, Arabic right to left. */
const TITLE_FIELDS = [
  { name: 'titleAr', lang: 'ar', dir: 'rtl' },
  { name: 'titleFr', lang: 'fr', dir: 'ltr' },
  { name: 'titleEn', lang: 'en', dir: 'ltr' },
] as const;

export interface PlanImportLabels {
  file: string;
  fileHint: string;
  header: string;
  headerHint: string;
  programme: string;
  planCode: string;
  titleAr: string;
  titleFr: string;
  titleEn: string;
  startDate: string;
  endDate: string;
  submit: string;
  rowsCaption: string;
  row: string;
  content: string;
  field: string;
  problem: string;
  /** "Line {n}" in the reader's language. */
  line: string;
}

/** `line 4` (as the gateway names a CSV row) in the reader's language; a JSON row's path stays as it is. */
function rowLabel(row: string, line: string): string {
  const m = /^line (\d+)$/.exec(row);
  return m ? line.replace('{n}', m[1]) : row;
}

/**
 * The plan import: a file (CSV or JSON) and, for a CSV file, the plan's header. Posted to a server
 * action as multipart, so it works without JavaScript; the refused rows are listed in a table, each
 * row with what it holds and its problems.
 */
export function PlanImportForm({
  action,
  csrf,
  locale,
  programmes,
  labels,
}: {
  action: (state: StaffFormState, form: FormData) => Promise<StaffFormState>;
  csrf: ReactNode;
  locale: string;
  programmes: { value: string; label: string }[];
  labels: PlanImportLabels;
}) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, {});
  const v = (name: string) => state.values?.[name] ?? '';
  return (
    <>
      <form action={formAction} className="form" noValidate id="import" encType="multipart/form-data">
        <FormOutcome id="import" state={state} />
        {csrf}
        <input type="hidden" name="locale" value={locale} />
        <Field form="import" name="file" label={labels.file} hint={labels.fileHint} state={state}>
          {(p) => <input type="file" accept=".csv,.json,text/csv,application/json" required {...p} />}
        </Field>
        <fieldset className="field-group">
          <legend>{labels.header}</legend>
          <p className="muted">{labels.headerHint}</p>
          <Field form="import" name="programmeCode" label={labels.programme} state={state}>
            {(p) => (
              <select defaultValue={v('programmeCode') || programmes[0]?.value} key={v('programmeCode')} {...p}>
                {programmes.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form="import" name="planCode" label={labels.planCode} state={state}>
            {(p) => (
              <input type="text" dir="ltr" maxLength={40} defaultValue={v('planCode')} key={v('planCode')} {...p} />
            )}
          </Field>
          {TITLE_FIELDS.map(({ name, lang, dir }) => (
            <Field key={name} form="import" name={name} label={labels[name]} state={state}>
              {(p) => (
                <input type="text" dir={dir} lang={lang} maxLength={500} defaultValue={v(name)} key={v(name)} {...p} />
              )}
            </Field>
          ))}
          <Field form="import" name="startDate" label={labels.startDate} state={state}>
            {(p) => <input type="date" defaultValue={v('startDate')} key={v('startDate')} {...p} />}
          </Field>
          <Field form="import" name="endDate" label={labels.endDate} state={state}>
            {(p) => <input type="date" defaultValue={v('endDate')} key={v('endDate')} {...p} />}
          </Field>
        </fieldset>
        <FormActions pending={pending} submit={labels.submit} />
      </form>
      {state.rowErrors?.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={labels.rowsCaption}>
          <table id="import-row-errors" aria-describedby="import-error">
            <caption>{labels.rowsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.row}</th>
                <th scope="col">{labels.content}</th>
                <th scope="col">{labels.field}</th>
                <th scope="col">{labels.problem}</th>
              </tr>
            </thead>
            <tbody>
              {state.rowErrors.flatMap((r) =>
                r.errors.map((e, i) => (
                  <tr key={`${r.row}-${i}`} data-row={r.row} className="row-error">
                    {i === 0 ? (
                      <>
                        <th scope="row" rowSpan={r.errors.length}>
                          {rowLabel(r.row, labels.line)}
                        </th>
                        <td rowSpan={r.errors.length} dir="ltr" className="row-excerpt">
                          <code>{r.excerpt}</code>
                        </td>
                      </>
                    ) : null}
                    <td dir="ltr">
                      <code>{e.field}</code>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
