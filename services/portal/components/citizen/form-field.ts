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

/** The e-mail address of an account (its login): the same field wherever an address is typed. */
export function emailField(label: string): FormField {
  return { name: 'email', label, type: 'email', autoComplete: 'email', dir: 'ltr', required: true, maxLength: 254 };
}

/** A new password, with the password policy as its hint. */
export function newPasswordField(name: string, label: string, hint: string): FormField {
  return {
    name,
    label,
    type: 'password',
    autoComplete: 'new-password',
    dir: 'ltr',
    required: true,
    hint,
    maxLength: 200,
  };
}
