import type { StaffFormState } from './form-state';

/** The outcome of a staff form: the portal's one form outcome (the staff state has no links heading). */
export { FormMessages as FormOutcome } from '../citizen/form-messages';

/** A labelled field whose error and hint are linked to it (aria-describedby, aria-invalid). */
export function Field({
  form,
  name,
  label,
  state,
  hint,
  children,
}: {
  form: string;
  name: string;
  label: string;
  state: StaffFormState;
  hint?: string;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid'?: boolean;
    'aria-describedby'?: string;
  }) => React.ReactNode;
}) {
  const id = `${form}-${name}`;
  const error = state.fieldErrors?.[name];
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field-hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The submit button of a staff form, disabled while its action runs. */
export function FormActions({ pending, submit }: { pending: boolean; submit: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={pending}>
        {submit}
      </button>
    </div>
  );
}
