import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

/** What a call answered, as the integration specs see it. */
export interface ContractAnswer {
  status: number;
  body: unknown;
}

/**
 * Checks real answers against the OpenAPI document: the operation must exist, document the status,
 * and the body must match the schema of that status (for JSON answers). Each failure names the
 * operation, the status and the first mismatches, so a drift between code and document is loud.
 */
export class ContractValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { method: string; path: string; pattern: RegExp }[];
  /** Operation and status of every answer checked, to report what the specs cover. */
  readonly checked = new Set<string>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: document.components ?? {} });
    this.templates = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase(),
        path,
        pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
      })),
    );
  }

  /** The mismatches of one answer with the document; empty when it conforms. */
  problems(method: string, url: string, answer: ContractAnswer): string[] {
    const path = url.split('?')[0];
    const upper = method.toUpperCase();
    // A literal path (`/cycles/x/ideas/similar`) wins over a template that also matches it.
    const candidates = this.templates.filter((t) => t.method === upper && t.pattern.test(path));
    const template = candidates.sort((a, b) => literalLength(b.path) - literalLength(a.path))[0];
    // An unknown route is a 404 by design; /docs is the document itself, not an operation.
    if (!template)
      return answer.status === 404 || path === '/docs' || path.startsWith('/docs/')
        ? []
        : [`${upper} ${path}: no such operation in the document`];
    const key = `${upper} ${template.path} ${answer.status}`;
    const response =
      this.document.paths[template.path][template.method.toLowerCase()].responses?.[String(answer.status)];
    if (!response) return [`${key}: status not documented`];
    this.checked.add(key);
    const json = Object.entries(response.content ?? {}).find(([type]) => type.startsWith('application/json'));
    if (!json?.[1].schema || (json[1].schema as { format?: string }).format === 'binary') return [];
    const validate = this.validator(key, json[1].schema);
    if (validate(answer.body)) return [];
    return (validate.errors ?? [])
      .slice(0, 8)
      .map(
        (e) => `${key}: ${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
      );
  }

  /** Throws (failing the test) when the answer does not match its documented schema. */
  expectToMatch(method: string, url: string, answer: ContractAnswer): void {
    const problems = this.problems(method, url, answer);
    if (problems.length) throw new Error(`answer does not match the OpenAPI document:\n${problems.join('\n')}`);
  }

  private validator(key: string, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      // Refs point into the document's components, registered once under the id "openapi".
      const rebased = <object>JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/'));
      validate = this.ajv.compile(rebased);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function literalLength(path: string): number {
  return path.replace(/\{\w+\}/g, '').length;
}
