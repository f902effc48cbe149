/** A field of an ActionForm, described by the server page (labels already translated). */
export interface FormField {
  name: string;
  label: string;
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'textarea'
    | 'select'
    | 'checkbox'
    | 'radio'
    | 'number'
    | 'date'
    | 'url'
    | 'file'
    | 'datetime-local';
  /** For a file: the accepted types (the server checks them again). */
  accept?: string;
  /** For a number. */
  step?: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
  autoComplete?: string;
  /** Latin-only content (e-mail, password, code) reads left to right in every language. */
  dir?: 'ltr' | 'auto';
  hint?: string;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}
