/** A field of an ActionForm, described by the server page (labels already translated). */
export interface FormField {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'textarea' | 'select' | 'checkbox' | 'radio';
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
