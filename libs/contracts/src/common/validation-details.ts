import { getMetadataStorage, ValidationError } from 'class-validator';
import { FieldIssue } from './field-issue';

/** A decorator's own values (a length, bounds, accepted values) as message arguments; patterns and options are left out. */
function constraintArgs(error: ValidationError, rule: string): (string | number)[] {
  const target = (error.target as object | undefined)?.constructor;
  if (!target || !error.property) return [];
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === rule || m.type === rule));
  return (meta?.constraints ?? []).flatMap((c: unknown) => {
    if (typeof c === 'number' || typeof c === 'string') return [c];
    if (Array.isArray(c) && c.every((x) => typeof x === 'string' || typeof x === 'number')) return [c.join(', ')];
    return [];
  });
}

/**
 * class-validator errors as language-neutral issues, one per broken rule, with the field's path.
 * A decorator may name its rule and values through its context: `{ context: { rule: 'codeFormat', args: [40] } }`.
 */
export function validationIssues(errors: ValidationError[], parent = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const error of errors) {
    const field = error.property ? (parent ? `${parent}.${error.property}` : error.property) : parent || 'body';
    for (const rule of Object.keys(error.constraints ?? {})) {
      const context = error.contexts?.[rule] as { rule?: string; args?: (string | number)[] } | undefined;
      const args = context?.args ?? constraintArgs(error, rule);
      out.push({ field, rule: context?.rule ?? rule, ...(args.length ? { args } : {}) });
    }
    if (error.children?.length) out.push(...validationIssues(error.children, field));
  }
  return out;
}
