/** Deeper than any request body of this API needs (a plan import is 5 levels deep). */
export const MAX_INPUT_DEPTH = 16;

export type InputProblemRule = 'noNulCharacter' | 'wellFormedText' | 'maxDepth';

export interface InputProblem {
  field: string;
  rule: InputProblemRule;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): InputProblemRule | undefined {
  // Postgres cannot store NUL in text; a lone UTF-16 surrogate has no UTF-8 form and arrives mangled.
  if (text.includes('\u0000')) return 'noNulCharacter';
  if (LONE_SURROGATE.test(text)) return 'wellFormedText';
  return undefined;
}

/**
 * The first string (value or key) that no service could store, or nesting deeper than any
 * route needs. Iterative, so a body nested 10,000 levels deep costs a loop, not the stack.
 */
export function inspectInput(input: unknown, root = ''): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const rule = textProblem(value);
      if (rule) return { field: path, rule };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: path, rule: 'maxDepth' };
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const keyRule = textProblem(key);
      if (keyRule) return { field: path || key, rule: keyRule };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
