'use client';
import { useEffect, useState } from 'react';

/**
 * A "select all on this page" box for the checkboxes named `name` in form `formId`. It appears only
 * with JavaScript (without it, each box is ticked by itself).
 */
export function SelectAll({ formId, name, label }: { formId: string; name: string; label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <span className="visually-hidden">{label}</span>;
  const boxes = () => [
    ...document.querySelectorAll<HTMLInputElement>(`#${formId} input[type=checkbox][name="${name}"]`),
  ];
  return (
    <input
      type="checkbox"
      id={`${formId}-all`}
      aria-label={label}
      onChange={(e) => {
        for (const box of boxes()) box.checked = e.currentTarget.checked;
      }}
    />
  );
}
