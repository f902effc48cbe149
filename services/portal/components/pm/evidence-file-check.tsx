'use client';
import { useEffect, useState } from 'react';
import { EVIDENCE_MAX_BYTES, evidenceType } from './pm-form-state';

export interface EvidenceFileCheckProps {
  /** Id of the file input this checks. */
  inputId: string;
  locale: string;
  /** Texts, translated by the page: {name} and {size} are filled in here. */
  messages: { ready: string; tooBig: string; badType: string };
}

/**
 * Checks the chosen evidence file in the browser before anything is sent: its size and type are
 * said at once, and a form holding a refused file is not submitted. Without JavaScript the server
 * action makes the same check and shows it against the field; the platform checks the bytes again.
 */
export function EvidenceFileCheck({ inputId, locale, messages }: EvidenceFileCheckProps) {
  const [state, setState] = useState<{ text: string; ok: boolean } | null>(null);
  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    const kb = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const check = (): boolean => {
      const file = input.files?.[0];
      if (!file) {
        setState(null);
        input.removeAttribute('aria-invalid');
        return true;
      }
      const fill = (s: string) => s.replace('{name}', file.name).replace('{size}', kb.format(file.size / 1024));
      const problem =
        file.size > EVIDENCE_MAX_BYTES
          ? messages.tooBig
          : !evidenceType(file.name, file.type)
            ? messages.badType
            : null;
      setState({ text: fill(problem ?? messages.ready), ok: !problem });
      if (problem) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      return !problem;
    };
    const onSubmit = (event: Event) => {
      if (!check()) {
        event.preventDefault();
        input.focus();
      }
    };
    input.addEventListener('change', check);
    input.form?.addEventListener('submit', onSubmit);
    return () => {
      input.removeEventListener('change', check);
      input.form?.removeEventListener('submit', onSubmit);
    };
  }, [inputId, locale, messages]);
  return (
    <p
      className={state?.ok === false ? 'field-error file-check' : 'muted file-check'}
      id={`${inputId}-check`}
      aria-live="polite"
    >
      {state?.text ?? ''}
    </p>
  );
}
