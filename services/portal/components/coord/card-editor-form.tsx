'use client';
import { ReactNode, useActionState } from 'react';
import type { StaffFormState } from './form-state';
import { FormOutcome, FormActions } from './staff-form-parts';

export interface CardEditorProps {
  action: (state: StaffFormState, form: FormData) => Promise<StaffFormState>;
  csrf: ReactNode;
  locale: string;
  commitmentId: string;
  /** The texts (rows), each with its label, its current values and whether it is one line. */
  texts: { name: string; label: string; short?: boolean; values: Partial<Record<'ar' | 'fr' | 'en', string>> }[];
  languages: { code: 'ar' | 'fr' | 'en'; name: string; dir: 'rtl' | 'ltr' }[];
  labels: { submit: string; caption: string; field: string };
}

/**
 * The commitment card editor: each text a row, the three languages side by side (Arabic first), so a
 * translator sees the source beside the translation. Posted to a server action; works without JavaScript.
 */
export function CardEditorForm({ action, csrf, locale, commitmentId, texts, languages, labels }: CardEditorProps) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, {});
  return (
    <form action={formAction} className="form" noValidate id="card">
      <FormOutcome id="card" state={state} />
      {csrf}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={labels.caption}>
        <table className="card-editor">
          <caption className="visually-hidden">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.field}</th>
              {languages.map((l) => (
                <th scope="col" key={l.code} lang={l.code}>
                  {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {texts.map((text) => (
              <tr key={text.name}>
                <th scope="row">{text.label}</th>
                {languages.map((l) => {
                  const name = `${text.name}-${l.code}`;
                  const id = `card-${name}`;
                  const error = state.fieldErrors?.[name];
                  const value = state.values?.[name] ?? text.values[l.code] ?? '';
                  const common = {
                    id,
                    name,
                    lang: l.code,
                    dir: l.dir,
                    defaultValue: value,
                    'aria-label': `${text.label} (${l.name})`,
                    'aria-invalid': error ? true : undefined,
                    'aria-describedby': error ? `${id}-error` : undefined,
                  };
                  return (
                    <td key={`${l.code}\u0000${value}`}>
                      {text.short ? (
                        <input type="text" maxLength={300} {...common} />
                      ) : (
                        <textarea rows={5} maxLength={10000} {...common} />
                      )}
                      {error ? (
                        <p className="field-error" id={`${id}-error`}>
                          {error}
                        </p>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormActions pending={pending} submit={labels.submit} />
    </form>
  );
}
