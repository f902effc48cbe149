'use client';
import { ReactNode, useActionState } from 'react';
import type { CitizenFormState } from './citizen-form-state';
import type { FormField } from './form-field';
import { FormMessages, HiddenInputs } from './form-messages';

export interface ActionFormProps {
  /** Prefix of the element ids, unique in the page. */
  id: string;
  action: (state: CitizenFormState, form: FormData) => Promise<CitizenFormState>;
  fields: FormField[];
  submit: string;
  hidden?: Record<string, string>;
  csrf: ReactNode;
  /** Extra submit buttons (name=intent). */
  intents?: { value: string; label: string }[];
  quiet?: boolean;
  /** Rendered after the fields (e.g. live suggestions). */
  children?: ReactNode;
  /** Render the children before the fields (a list to pick from, then what to do with the picked ones). */
  childrenFirst?: boolean;
}

/**
 * A citizen form posted to a server action: it works without JavaScript (the page re-renders with the
 * outcome). The error of the form is announced (role=alert), each field error is linked to its field
 * (aria-describedby, aria-invalid); the success message is announced politely (role=status).
 */
export function ActionForm({
  id,
  action,
  fields,
  submit,
  hidden = {},
  csrf,
  intents = [],
  quiet,
  children,
  childrenFirst,
}: ActionFormProps) {
  const [state, formAction, pending] = useActionState<CitizenFormState, FormData>(action, {});
  const fieldError = (name: string) => state.fieldErrors?.[name];
  const value = (f: FormField) => state.values?.[f.name] ?? f.defaultValue ?? '';
  // A field is remounted when the value given back changes: React resets a form after its action,
  // and a select, radio or checkbox would otherwise go back to its first default.
  const key = (f: FormField) => `${f.name}\u0000${f.type === 'password' ? '' : value(f)}`;
  return (
    <form action={formAction} className="form" noValidate id={id}>
      <FormMessages id={id} state={state} />
      <HiddenInputs csrf={csrf} hidden={hidden} />
      {childrenFirst ? children : null}
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const error = fieldError(f.name);
        const describedBy =
          [
            error ? `${fid}-error` : null,
            f.hint ? `${fid}-hint` : null,
            !error && state.message && !state.fieldErrors ? `${id}-error` : null,
          ]
            .filter(Boolean)
            .join(' ') || undefined;
        const common = {
          id: fid,
          name: f.name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
          required: f.required,
          dir: f.dir,
        };
        const messages = (
          <>
            {f.hint ? (
              <p className="field-hint muted" id={`${fid}-hint`}>
                {f.hint}
              </p>
            ) : null}
            {error ? (
              <p className="field-error" id={`${fid}-error`}>
                {error}
              </p>
            ) : null}
          </>
        );
        if (f.type === 'checkbox') {
          return (
            <div className="field field-check" key={key(f)}>
              <input type="checkbox" value="true" defaultChecked={value(f) === 'true'} {...common} />
              <label htmlFor={fid}>{f.label}</label>
              {messages}
            </div>
          );
        }
        if (f.type === 'radio') {
          return (
            <fieldset className="field field-choices" key={key(f)} aria-describedby={describedBy} id={fid}>
              <legend>{f.label}</legend>
              {f.options?.map((o) => (
                <div key={o.value} className="field-check">
                  <input
                    type="radio"
                    id={`${fid}-${o.value}`}
                    name={f.name}
                    value={o.value}
                    defaultChecked={value(f) === o.value}
                    aria-invalid={error ? true : undefined}
                  />
                  <label htmlFor={`${fid}-${o.value}`}>{o.label}</label>
                </div>
              ))}
              {messages}
            </fieldset>
          );
        }
        return (
          <div className="field" key={key(f)}>
            <label htmlFor={fid}>{f.label}</label>
            {f.type === 'textarea' ? (
              <textarea rows={f.rows ?? 6} defaultValue={value(f)} maxLength={f.maxLength} {...common} />
            ) : f.type === 'select' ? (
              <select defaultValue={value(f)} {...common}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={f.type ?? 'text'}
                defaultValue={f.type === 'password' || f.type === 'file' ? undefined : value(f)}
                autoComplete={f.autoComplete}
                maxLength={f.maxLength}
                accept={f.accept}
                step={f.step}
                {...common}
              />
            )}
            {messages}
          </div>
        );
      })}
      {childrenFirst ? null : children}
      <div className="form-actions">
        {intents.map((i) => (
          <button
            key={i.value}
            type="submit"
            name="intent"
            value={i.value}
            className="button button-quiet"
            disabled={pending}
          >
            {i.label}
          </button>
        ))}
        <button
          type="submit"
          name="intent"
          value="submit"
          className={quiet ? 'button button-quiet' : 'button'}
          disabled={pending}
        >
          {submit}
        </button>
      </div>
    </form>
  );
}
