import { fieldMessage, isFieldIssue } from './field-message';
import { Language } from './language.constant';

/**
 * Error details as the caller reads them: `issues` become `fields` ({"title.ar": ["..."]}) and each
 * row error of an import gets its `message`, all in `language`. Other details pass as they are.
 */
export function localizeDetails(details: unknown, language: Language): unknown {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return details;
  const { issues, ...rest } = details as { issues?: unknown; fields?: Record<string, string[]>; errors?: unknown };
  const out: Record<string, unknown> = { ...rest };
  if (Array.isArray(issues)) {
    const fields: Record<string, string[]> = { ...(rest.fields ?? {}) };
    for (const issue of issues.filter(isFieldIssue)) (fields[issue.field] ??= []).push(fieldMessage(issue, language));
    out.fields = fields;
  }
  if (Array.isArray(rest.errors))
    out.errors = (rest.errors as unknown[]).map((e) =>
      isFieldIssue(e) ? { ...e, message: fieldMessage(e, language) } : e,
    );
  return out;
}
