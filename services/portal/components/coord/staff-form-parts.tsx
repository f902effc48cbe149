import type { StaffFormState } from './form-state';

/** The outcome of a staff form: the error announced (role=alert), or what was done (role=status) with its links. */
export function FormOutcome({ id, state }: { id: string; state: StaffFormState }) {
  return (
    <>
      {state.message ? (
        <div className="form-error" role="alert" id={`${id}-error`}>
          {state.message}
        </div>
      ) : null}
      {state.done ? (
        <div className="form-done" role="status" id={`${id}-done`}>
          <p>{state.done}</p>
          {state.links?.length ? (
            <ul>
              {state.links.map((l) => (
                <li key={l.href}>
                  <a href={l.href} dir="auto">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

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
