'use client';
import { ReactNode, useActionState, useMemo, useState } from 'react';
import type { WeightsFormState } from './pm-form-state';
import { FormMessages, HiddenInputs } from '../citizen/form-messages';
import { parseWeight, previewWeights } from './weight-preview';

export interface WeightsEditorProps {
  id: string;
  action: (state: WeightsFormState, form: FormData) => Promise<WeightsFormState>;
  csrf: ReactNode;
  hidden: Record<string, string>;
  activities: { id: string; title: ReactNode; weight: number | null; progress: number }[];
  /** Whether the commitment's strategy is the weighted one (else weights do not move its progress). */
  weighted: boolean;
  locale: string;
  labels: {
    caption: string;
    activity: string;
    weight: string;
    share: string;
    progress: string;
    result: string;
    hint: string;
    preview: string;
    save: string;
    notWeighted: string;
  };
}

/**
 * The activities' weights with their normalised shares and the progress they would give, recomputed
 * as one types (same rule as the platform's strategy). Without JavaScript, "Preview" asks the server
 * for the same figures; nothing is saved until "Save".
 */
export function WeightsEditor({ id, action, csrf, hidden, activities, weighted, locale, labels }: WeightsEditorProps) {
  const [state, formAction, pending] = useActionState<WeightsFormState, FormData>(action, {});
  const initial = Object.fromEntries(
    activities.map((a) => [a.id, state.values?.[`weight-${a.id}`] ?? (a.weight === null ? '' : String(a.weight))]),
  );
  const [typed, setTyped] = useState<Record<string, string>>(initial);
  const [live, setLive] = useState(false);
  const computed = useMemo(() => {
    const parsed = activities.map((a) => ({ id: a.id, progress: a.progress, weight: parseWeight(typed[a.id] ?? '') }));
    if (parsed.some((p) => p.weight === 'invalid')) return null;
    return previewWeights(parsed.map((p) => ({ ...p, weight: p.weight as number | null })));
  }, [activities, typed]);
  const preview = live ? computed : (state.preview ?? computed);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const fieldError = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="form weights-form" noValidate id={id}>
      <FormMessages id={id} state={state} />
      <HiddenInputs csrf={csrf} hidden={hidden} />
      {weighted ? null : <p className="notice">{labels.notWeighted}</p>}
      <p className="field-hint muted" id={`${id}-hint`}>
        {labels.hint}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.activity}</th>
              <th scope="col">{labels.weight}</th>
              <th scope="col" className="num">
                {labels.share}
              </th>
              <th scope="col" className="num">
                {labels.progress}
              </th>
            </tr>
          </thead>
          <tbody>
            {activities.map((a) => {
              const name = `weight-${a.id}`;
              const error = fieldError(name);
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <label htmlFor={`${id}-${a.id}`}>{a.title}</label>
                  </th>
                  <td>
                    <input type="hidden" name="activity" value={a.id} />
                    <input
                      id={`${id}-${a.id}`}
                      name={name}
                      type="text"
                      inputMode="decimal"
                      dir="ltr"
                      size={8}
                      value={typed[a.id] ?? ''}
                      onChange={(e) => {
                        setLive(true);
                        setTyped({ ...typed, [a.id]: e.target.value });
                      }}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-${a.id}-error` : `${id}-hint`}
                    />
                    {error ? (
                      <p className="field-error" id={`${id}-${a.id}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </td>
                  <td className="num" data-share={a.id}>
                    {preview ? pct.format((preview.shares[a.id] ?? 0) / 100) : '—'}
                  </td>
                  <td className="num">{pct.format(a.progress / 100)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="weights-result" aria-live="polite">
        {labels.result}{' '}
        <output className="num" id={`${id}-result`} htmlFor={activities.map((a) => `${id}-${a.id}`).join(' ')}>
          {preview ? pct.format(preview.progress / 100) : '—'}
        </output>
      </p>
      <div className="form-actions">
        <button type="submit" name="intent" value="preview" className="button button-quiet" disabled={pending}>
          {labels.preview}
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
          {labels.save}
        </button>
      </div>
    </form>
  );
}
