/**
 * One thing wrong with one field, in no language: the rule it breaks and that rule's values.
 * Services and the gateway's checks produce these; the gateway words them in the caller's language.
 */
export interface FieldIssue {
  /** The field's path in the request: `title.ar`, `phases.0.opensAt`, `q`, `body`. */
  field: string;
  /** A key of FIELD_MESSAGES (class-validator's constraint names and the platform's own). */
  rule: string;
  args?: (string | number)[];
}
