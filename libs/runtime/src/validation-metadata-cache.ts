import { getMetadataStorage } from 'class-validator';

type Lookup = (
  target: object,
  schema: string | undefined,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => unknown[];

interface Storage {
  getTargetValidationMetadatas: Lookup;
  [key: string]: unknown;
}

const installed = Symbol.for('ogp.validationMetadataCache');
/** The storage's methods that add metadata: each drops what was kept. */
const WRITERS = ['addValidationSchema', 'addValidationMetadata', 'addConstraintMetadata'];

/**
 * class-validator looks up a class's rules on every validation by walking every class it knows
 * (an `instanceof` test each, for inherited rules) and filtering their rules: 2.8% of the
 * gateway's CPU taking idea submissions, 2% of the commitments service's answering reads (CPU
 * profiles). The rules are declared by decorators as classes load, so the answer is kept per class
 * and options, and dropped whenever a rule is added (Nest's PartialType and the like add rules
 * after startup). Callers only read the list they get. Idempotent.
 */
export function cacheValidationMetadata(storage: object = getMetadataStorage()): boolean {
  const s = storage as Storage;
  if (s[installed as unknown as string] || typeof s.getTargetValidationMetadatas !== 'function') return false;
  const lookup = s.getTargetValidationMetadatas.bind(s) as Lookup;
  let kept = new WeakMap<object, Map<string, unknown[]>>();
  for (const name of WRITERS) {
    const write = s[name];
    if (typeof write !== 'function') continue;
    s[name] = (...args: unknown[]) => {
      kept = new WeakMap();
      return (write as (...a: unknown[]) => unknown).apply(s, args);
    };
  }
  s.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if ((typeof target !== 'function' && typeof target !== 'object') || target === null)
      return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema ?? ''}|${always}|${strictGroups}|${groups ? JSON.stringify(groups) : ''}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map<string, unknown[]>()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  Object.defineProperty(s, installed, { value: true });
  return true;
}
