/** What a coordination or admin form shows after a submission (the citizen forms' shape, plus row errors of an import). */
export interface RowErrorView {
  /** The row as the gateway names it (`line 4`, `commitments[5]`). */
  row: string;
  /** What the row holds, to recognise it (a commitment's number and title, or the line's first cells). */
  excerpt: string;
  errors: { field: string; message: string }[];
}

export interface StaffFormState {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  done?: string;
  links?: { href: string; label: string }[];
  rowErrors?: RowErrorView[];
}
