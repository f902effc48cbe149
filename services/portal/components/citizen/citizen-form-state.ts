/** What a citizen form shows after a submission: an error for the form and per field, or what was done. */
export interface CitizenFormState {
  /** The error of the whole form (the gateway's message, in the reader's language). */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the visitor typed, given back after an error (never a password). */
  values?: Record<string, string>;
  /** The success message. */
  done?: string;
  /** Links shown under the message (similar ideas, the idea just submitted). */
  links?: { href: string; label: string }[];
  /** A heading for the links. */
  linksTitle?: string;
}
