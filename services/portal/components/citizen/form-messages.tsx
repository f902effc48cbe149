import type { ReactNode } from 'react';
import type { CitizenFormState } from './citizen-form-state';

/**
 * The outcome of a form posted to a server action, for every form of the portal (citizen, staff,
 * weights): the error of the whole form announced (role=alert), or what was done announced politely
 * (role=status) with its links under an optional heading.
 */
export function FormMessages({ id, state }: { id: string; state: CitizenFormState }) {
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
            <>
              {state.linksTitle ? <p className="form-done-title">{state.linksTitle}</p> : null}
              <ul>
                {state.links.map((l) => (
                  <li key={l.href}>
                    <a href={l.href} dir="auto">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** The hidden inputs of a form: the CSRF field given, then each name and value. */
export function HiddenInputs({ csrf, hidden }: { csrf: ReactNode; hidden: Record<string, string> }) {
  return (
    <>
      {csrf}
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
    </>
  );
}
