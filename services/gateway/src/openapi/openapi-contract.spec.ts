import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUARDS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { createLogger } from '@ogp/runtime';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AuthRateLimitGuard } from '../access/auth-rate-limit.guard';
import { ControllerRoute, controllerRoutes } from '../access/controller-routes';
import { GatewayConfig } from '../gateway.config';
import { GatewayModule } from '../gateway.module';
import { holdsArabic } from './arabic-example';
import { generateHandlerResultSchemas } from './handler-results.generator';
import { moduleControllers } from './module-controllers';
import { buildOpenApiDocument } from './openapi-document';

interface Media {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  parameters: { name: string; in: string; required: boolean; schema?: Record<string, unknown> }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media>; 'x-error-codes'?: string[] }>;
  security: Record<string, string[]>[];
  'x-roles'?: string[];
  'x-public'?: boolean;
  description?: string;
}

const gatewayRoot = join(__dirname, '..', '..');
const committed = JSON.parse(readFileSync(join(gatewayRoot, 'openapi.json'), 'utf8'));
const controllers = moduleControllers(GatewayModule.register({} as GatewayConfig, createLogger('openapi', 'silent')));
const routes = controllers.flatMap((controller) => controllerRoutes(controller));
const operationOf = (route: ControllerRoute): Operation =>
  committed.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
const argKinds = (route: ControllerRoute): number[] =>
  Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handlerName) ?? {}).map((slot) =>
    Number(slot.split(':')[0]),
  );
const name = (route: ControllerRoute) => `${route.method} ${route.path}`;

describe('the OpenAPI document (services/gateway/openapi.json) is complete and current', () => {
  it('is what the gateway builds from its routes today (run npm run openapi after changing a route or a DTO)', () => {
    expect(buildOpenApiDocument(controllers)).toEqual(committed);
  });

  it('holds the answer schemas of the handlers as their TypeScript types are today', () => {
    const current = JSON.parse(readFileSync(join(__dirname, 'handler-results.schema.json'), 'utf8'));
    expect(generateHandlerResultSchemas(controllers, gatewayRoot)).toEqual(current);
  }, 240000);

  it('documents every route of the gateway, and nothing else', () => {
    const documented = Object.entries(committed.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort());
    expect(routes.length).toBeGreaterThan(90);
  });

  describe.each(routes.map((route) => [name(route), route] as const))('%s', (_label, route) => {
    const operation = operationOf(route);
    const kinds = argKinds(route);

    it('has a request body schema with its fields when the handler reads a body', () => {
      if (!kinds.includes(RouteParamtypes.BODY)) return expect(operation.requestBody).toBeUndefined();
      const ref = operation.requestBody?.content['application/json'].schema?.$ref as string;
      expect(ref).toMatch(/^#\/components\/schemas\//);
      const schema = committed.components.schemas[ref.split('/').pop() as string];
      expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
      expect(schema.additionalProperties).toBe(false);
    });

    it('describes its path and query parameters with their types', () => {
      for (const param of route.path.match(/:(\w+)/g) ?? []) {
        expect(operation.parameters).toContainEqual(
          expect.objectContaining({
            name: param.slice(1),
            in: 'path',
            required: true,
            schema: expect.objectContaining({ type: 'string' }),
          }),
        );
      }
      if (kinds.includes(RouteParamtypes.QUERY))
        expect(operation.parameters.filter((p) => p.in === 'query').length).toBeGreaterThan(0);
      for (const param of operation.parameters) expect(param.schema?.type).toBeDefined();
    });

    it('has a 2xx answer with its schema', () => {
      const [status, response] = Object.entries(operation.responses).find(([s]) => s.startsWith('2')) ?? [];
      expect(status).toBeDefined();
      if (status === '204') return;
      const media = Object.values(response?.content ?? {});
      expect(media.length).toBeGreaterThan(0);
      for (const m of media) expect(Object.keys(m.schema ?? {}).length).toBeGreaterThan(0);
    });

    it('lists its error answers in the common error shape: 400 for input, 401/403 for login and roles, 404 for an id, 429 when rate limited', () => {
      const expected: string[] = [];
      if (kinds.some((k) => [RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM].includes(k)))
        expected.push('400');
      if (!route.public) expected.push('401', '403');
      if (/:\w+/.test(route.path)) expected.push('404');
      const guards = [
        ...(Reflect.getMetadata(GUARDS_METADATA, route.handler) ?? []),
        ...(Reflect.getMetadata(GUARDS_METADATA, route.controller) ?? []),
      ];
      if (guards.includes(AuthRateLimitGuard)) expected.push('429');
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(expected));
      for (const status of expected)
        expect({ status, codes: operation.responses[status]['x-error-codes'] }).toEqual({
          status,
          codes: expect.any(Array),
        });
      for (const [status, response] of Object.entries(operation.responses).filter(([, r]) => r['x-error-codes'])) {
        const media = response.content?.['application/json'];
        expect({ status, ref: JSON.stringify(media?.schema) }).toEqual({
          status,
          ref: expect.stringContaining('#/components/schemas/ErrorBody'),
        });
        for (const example of Object.values(media?.examples ?? {})) expect(holdsArabic(example.value)).toBe(true);
      }
    });

    it('names the roles it admits (x-roles, from @Roles/@Public) and needs a bearer token unless public', () => {
      expect(operation['x-roles']).toEqual(route.public ? [] : route.roles);
      if (route.public) expect(operation['x-public']).toBe(true);
      else {
        expect(route.roles.length).toBeGreaterThan(0);
        expect(operation.security).toEqual([{ bearer: [] }]);
        for (const role of route.roles) expect(operation.description).toContain(role);
      }
    });

    it('has Arabic examples that match their schemas', () => {
      const body = operation.requestBody?.content['application/json'];
      if (body) {
        expect(body.example).toBeDefined();
        expectValid(body.schema, body.example);
      }
      const success = Object.entries(operation.responses).find(([s]) => s.startsWith('2'))?.[1].content?.[
        'application/json'
      ];
      if (success && (success.schema as { format?: string }).format !== 'binary') {
        expect(success.example).toBeDefined();
        expectValid(success.schema, success.example);
      }
      // Answers of counters and tokens hold no text; everything that holds text shows it in Arabic.
      const examples = [body?.example, success?.example];
      if (freeText(examples)) expect(holdsArabic(examples)).toBe(true);
      expect(holdsArabic(operation.description)).toBe(true);
    });
  });
});

/** Whether a value holds a human text (with a space or non-ASCII letters), not only codes, ids and dates. */
function freeText(value: unknown): boolean {
  if (typeof value === 'string') return /\s|[^\x00-\x7F]/.test(value);
  if (Array.isArray(value)) return value.some(freeText);
  if (value && typeof value === 'object') return Object.values(value).some(freeText);
  return false;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: committed.components });
function expectValid(schema: unknown, value: unknown): void {
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')),
  );
  expect({ valid: validate(value), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
}
