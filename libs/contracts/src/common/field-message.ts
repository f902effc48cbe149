import { FieldIssue } from './field-issue';
import { FIELD_MESSAGES } from './field-message.constant';
import { Language } from './language.constant';

export function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as FieldIssue).field === 'string' &&
    typeof (value as FieldIssue).rule === 'string'
  );
}

/** One field issue as a sentence in `language` that names the field and what is wrong with it. */
export function fieldMessage(issue: FieldIssue, language: Language): string {
  const template = (FIELD_MESSAGES[issue.rule] ?? FIELD_MESSAGES.invalid)[language];
  return template.replace(/\{field\}/g, issue.field).replace(/\{(\d)\}/g, (whole, index: string) => {
    const value = issue.args?.[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
