import { ParseIntPipe, ParseUUIDPipe, Type } from '@nestjs/common';
import { GUARDS_METADATA, HTTP_CODE_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS } from '@nestjs/swagger';
import { ERROR_MESSAGES, ERROR_STATUS, ErrorCode, Header } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { AuthRateLimitGuard } from '../access/auth-rate-limit.guard';
import { ControllerRoute, controllerRoutes } from '../access/controller-routes';
import { LocalAuthGuard } from '../identity/local-auth.guard';
import { API_ERRORS_KEY } from './api-errors.decorator';
import { API_OPERATION_PREFIX_KEY } from './api-operation-prefix.decorator';
import { API_FILE_RESPONSE_KEY } from './api-file-response.decorator';
import { arabicExample, SchemaLike } from './arabic-example';
import { ERROR_BODY_SCHEMA } from './error-body.schema';
import handlerResults from './handler-results.schema.json';

// class-transformer keeps its @Type() metadata here; without it nested DTOs would be opaque objects.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/** The answers of every handler, generated from their TypeScript return types (`npm run openapi`). */
export interface HandlerResultSchemas {
  handlers: Record<string, SchemaLike | null>;
  schemas: Record<string, SchemaLike>;
}

type JsonObject = Record<string, unknown>;
interface RouteArg {
  index: number;
  data?: string;
  pipes?: unknown[];
}

const SCHEMA_PREFIX = '#/components/schemas/';
const ROLE_NAMES_AR: Record<string, string> = {
  citizen: 'مواطن',
  cso: 'جمعية مدنية',
  project_manager: 'مسؤول مشروع',
  committee_member: 'عضو لجنة القيادة',
  coordinator: 'فريق التنسيق',
  admin: 'مدير المنصة',
};

/**
 * The gateway's OpenAPI 3.1 document, built from the metadata the routes already carry: paths and
 * roles from the same metadata the AccessGuard reads, request schemas from the class-validator
 * DTOs the ValidationPipe applies, answers from the handlers' TypeScript return types, errors
 * from the codes in libs/contracts. Nothing in it is written by hand, so it cannot drift.
 */
export function buildOpenApiDocument(
  controllers: Type<unknown>[],
  results: HandlerResultSchemas = handlerResults as HandlerResultSchemas,
): JsonObject {
  // Derived once per document, not once per route (that was most of the gateway's start time).
  schemasOfThisBuild = undefined;
  const dtoSchemas = validationSchemas();
  const components: Record<string, SchemaLike> = { ErrorBody: ERROR_BODY_SCHEMA };
  const paths: Record<string, Record<string, JsonObject>> = {};
  const tags = new Set<string>();
  const routes = controllers.flatMap((controller) => controllerRoutes(controller));

  const useDto = (name: string, type?: Type<unknown>): string => {
    if (!components[name]) {
      const schema = dtoSchemas[name] ?? inheritedSchema(type, dtoSchemas);
      if (!schema) throw new Error(`OpenAPI: no class-validator schema for ${name}`);
      // The ValidationPipe refuses unknown fields at every level (forbidNonWhitelisted).
      components[name] = withApiProperties({ ...schema, additionalProperties: false }, type ?? dtoClasses().get(name));
      for (const ref of refsIn(schema)) useDto(ref);
    }
    return `${SCHEMA_PREFIX}${name}`;
  };
  const useResult = (schema: SchemaLike): SchemaLike => {
    for (const ref of refsIn(schema)) useResultSchema(ref);
    return schema;
  };
  const useResultSchema = (name: string): void => {
    if (components[name]) return;
    const schema = results.schemas[name];
    if (!schema) throw new Error(`OpenAPI: no schema for ${name}; run npm run openapi`);
    components[name] = schema;
    for (const ref of refsIn(schema)) useResultSchema(ref);
  };

  for (const route of routes) {
    const operation = describeRoute(route, useDto, useResult, results);
    for (const tag of (operation.tags as string[]) ?? []) tags.add(tag);
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) addExamples(operation, components);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Open Government Platform API',
      version: '0.1.0',
      description: [
        'منصة الحكومة المنفتحة: تتبع الالتزامات، الإنشاء المشترك، التنبيهات والتقارير.',
        'Commitments tracking, co-creation, alerts and reports.',
        'Errors: {"error": {"code", "message", "details"?}}, the message in ar, fr or en (Accept-Language, Arabic by default).',
        'Each operation names the roles it admits in x-roles; an empty list with x-public means no login.',
      ].join('\n\n'),
    },
    tags: [...tags].sort().map((name) => ({ name })),
    paths: sortKeys(paths),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: sortKeys(components),
    },
  };
}

function describeRoute(
  route: ControllerRoute,
  useDto: (name: string, type?: Type<unknown>) => string,
  useResult: (schema: SchemaLike) => SchemaLike,
  results: HandlerResultSchemas,
): JsonObject {
  const { controller, handler, handlerName } = route;
  const key = `${controller.name}.${handlerName}`;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, RouteArg>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, handlerName) ??
    []) as unknown[];
  const parameters: JsonObject[] = [];
  let body: string | undefined;
  for (const [slot, arg] of Object.entries(args)) {
    const kind = Number(slot.split(':')[0]);
    const type = types[arg.index] as Type<unknown> | undefined;
    if (kind === RouteParamtypes.BODY) body = useDto(dtoName(type, key), type);
    if (kind === RouteParamtypes.QUERY || kind === RouteParamtypes.PARAM) {
      const location = kind === RouteParamtypes.QUERY ? 'query' : 'path';
      if (arg.data)
        parameters.push({
          name: arg.data,
          in: location,
          required: location === 'path',
          schema: scalarSchema(type, arg.pipes),
        });
      else parameters.push(...dtoParameters(type as Type<unknown>, dtoName(type, key), location, useDto));
    }
    if (kind === RouteParamtypes.HEADERS && arg.data === Header.IDEMPOTENCY_KEY) {
      parameters.push({
        name: arg.data,
        in: 'header',
        required: false,
        description: 'Repeating a command with the same key answers the first result; nothing is done twice.',
        schema: { type: 'string', maxLength: 200 },
      });
    }
  }
  for (const name of route.path.match(/:(\w+)/g)?.map((p) => p.slice(1)) ?? []) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name))
      parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }

  const status =
    (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (route.method === 'POST' ? 201 : 200);
  const files = Reflect.getMetadata(API_FILE_RESPONSE_KEY, handler) as string[] | undefined;
  // Answers declared beside the route with @nestjs/swagger's @ApiResponse({ status, schema }) win.
  const declared = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<
    string,
    { description?: string; schema?: SchemaLike }
  >;
  const produces = (Reflect.getMetadata(DECORATORS.API_PRODUCES, handler) as string[] | undefined) ?? [
    'application/json',
  ];
  const declaredResponses = Object.fromEntries(
    Object.entries(declared).map(([code, response]) => [
      code,
      {
        description: response.description ?? '',
        ...(response.schema
          ? { content: Object.fromEntries(produces.map((type) => [type, { schema: response.schema }])) }
          : {}),
      },
    ]),
  );
  let success: JsonObject;
  if (declaredResponses[String(status)]) success = declaredResponses[String(status)];
  else if (status === 204) success = { description: 'لا محتوى. No content.' };
  else if (files)
    success = {
      description: 'ملف للتنزيل. A file, sent as a download.',
      content: Object.fromEntries(files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    };
  else {
    const schema = results.handlers[key];
    if (!schema)
      throw new Error(`OpenAPI: ${key} has no answer schema; run npm run openapi, or declare @ApiFileResponse()`);
    success = { description: 'نجاح. Success.', content: { 'application/json': { schema: useResult(schema) } } };
  }

  const operation: JsonObject = {
    operationId: `${operationPrefix(controller, handler)}_${handlerName}`,
    summary:
      (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { summary?: string } | undefined)?.summary ??
      `${route.method} ${route.path}`,
    description: accessText(route),
    tags: (Reflect.getMetadata(DECORATORS.API_TAGS, controller) as string[] | undefined) ?? [],
    'x-roles': route.public ? [] : route.roles,
    ...(route.public ? { 'x-public': true } : {}),
    // A public route still reads a valid token (an author sees their own idea), hence optional.
    security: route.public ? [{}, { bearer: [] }] : [{ bearer: [] }],
    parameters,
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: body } } } } } : {}),
    responses: {
      [String(status)]: success,
      ...errorResponses(route, parameters.length > 0 || !!body, !!body, namesAnId(parameters, body)),
      ...declaredResponses,
    },
  };
  return operation;
}

function operationPrefix(controller: Type<unknown>, handler: ControllerRoute['handler']): string {
  const declared = (Reflect.getMetadata(API_OPERATION_PREFIX_KEY, handler) ??
    Reflect.getMetadata(API_OPERATION_PREFIX_KEY, controller)) as string | undefined;
  return declared ?? controller.name.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase());
}

/** Whether the input names another object by its id (a uuid field), which may not exist. */
function namesAnId(parameters: JsonObject[], body: string | undefined): boolean {
  const uuidIn = (schema: unknown): boolean => JSON.stringify(schema ?? {}).includes('"format":"uuid"');
  return (
    parameters.some((p) => p.in !== 'header' && uuidIn(p.schema)) ||
    (!!body && uuidIn(validationSchemas()[body.slice(SCHEMA_PREFIX.length)]))
  );
}

function accessText(route: ControllerRoute): string {
  if (route.public) return 'عمومي، دون تسجيل الدخول. Public: no login needed (a valid token, when sent, is read).';
  return `الأدوار المسموح بها: ${route.roles.map((r) => ROLE_NAMES_AR[r] ?? r).join('، ')}. Roles admitted: ${route.roles.join(', ')}.`;
}

function dtoName(type: Type<unknown> | undefined, key: string): string {
  if (!type || type === Object || type === String)
    throw new Error(`OpenAPI: ${key} takes an untyped body or query; give it a DTO class`);
  return type.name;
}

function scalarSchema(type: unknown, pipes: unknown[] = []): SchemaLike {
  if (pipes.some((p) => p instanceof ParseUUIDPipe || p === ParseUUIDPipe)) return { type: 'string', format: 'uuid' };
  if (pipes.some((p) => p instanceof ParseIntPipe || p === ParseIntPipe) || type === Number) return { type: 'integer' };
  return { type: 'string' };
}

function dtoParameters(
  type: Type<unknown>,
  name: string,
  location: 'query' | 'path',
  useDto: (name: string, type?: Type<unknown>) => string,
): JsonObject[] {
  useDto(name, type);
  const schema = validationSchemas()[name] ?? (inheritedSchema(type, validationSchemas()) as SchemaLike);
  return Object.entries(schema.properties ?? {}).map(([property, propertySchema]) => ({
    name: property,
    in: location,
    required: location === 'path' || (schema.required ?? []).includes(property),
    schema: propertySchema,
  }));
}

/** Descriptions and examples given with @ApiProperty beside a DTO's validators. */
function withApiProperties(schema: SchemaLike, type: Type<unknown> | undefined): SchemaLike {
  if (!type || !schema.properties) return schema;
  const properties: Record<string, SchemaLike> = {};
  for (const [property, propertySchema] of Object.entries(schema.properties)) {
    const declared = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype as object, property) as
      { description?: string; example?: unknown } | undefined;
    properties[property] = {
      ...propertySchema,
      ...(declared?.description ? { description: declared.description } : {}),
      ...(declared?.example !== undefined ? { example: declared.example } : {}),
    };
  }
  return { ...schema, properties };
}

/** The DTO classes class-validator knows, by name (nested DTOs are referenced by name only). */
function dtoClasses(): Map<string, Type<unknown>> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Type<unknown>, unknown> };
  return new Map([...storage.validationMetadatas.keys()].map((type) => [type.name, type]));
}

/** A DTO that only renames its parent (`class AddActivityDto extends ActivityDto {}`) validates as the parent. */
function inheritedSchema(type: Type<unknown> | undefined, schemas: Record<string, SchemaLike>): SchemaLike | undefined {
  for (
    let parent = type && (Object.getPrototypeOf(type) as unknown);
    parent && parent !== Function.prototype;
    parent = Object.getPrototypeOf(parent) as unknown
  ) {
    if (schemas[(parent as Type<unknown>).name]) return schemas[(parent as Type<unknown>).name];
  }
  return undefined;
}

let schemasOfThisBuild: Record<string, SchemaLike> | undefined;

/** The JSON schemas of every class-validator DTO, as the ValidationPipe applies them. */
function validationSchemas(): Record<string, SchemaLike> {
  return (schemasOfThisBuild ??= validationMetadatasToSchemas({
    refPointerPrefix: SCHEMA_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    // The platform's own date checks (libs/contracts dto/validation): a day that exists, a moment on one.
    additionalConverters: {
      isCalendarDate: { type: 'string', format: 'date' },
      isInstant: { type: 'string', format: 'date-time' },
    },
  }) as Record<string, SchemaLike>);
}

/** The error answers a route can give, derived from what it declares, each with the codes it may carry. */
function errorResponses(
  route: ControllerRoute,
  hasInput: boolean,
  hasBody: boolean,
  referencesId: boolean,
): Record<string, JsonObject> {
  const codes = new Set<ErrorCode>();
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, route.controller) as unknown[]) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, route.handler) as unknown[]) ?? []),
  ];
  if (hasInput) codes.add(ErrorCode.VALIDATION_FAILED);
  if (hasBody)
    [ErrorCode.MALFORMED_JSON, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE].forEach((c) =>
      codes.add(c),
    );
  if (!route.public)
    [ErrorCode.UNAUTHENTICATED, ErrorCode.TOKEN_INVALID, ErrorCode.FORBIDDEN].forEach((c) => codes.add(c));
  if (guards.includes(AuthRateLimitGuard)) codes.add(ErrorCode.RATE_LIMITED);
  if (guards.includes(LocalAuthGuard))
    [ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_LOCKED].forEach((c) => codes.add(c));
  // An id in the path, or a reference to another object in the body or query, may name nothing.
  if (/:\w+/.test(route.path) || referencesId) codes.add(ErrorCode.NOT_FOUND);
  // Routes that forward over NATS answer 503/504 when the owning service is down or slow.
  const injected = (Reflect.getMetadata('design:paramtypes', route.controller) as unknown[] | undefined) ?? [];
  // Every gateway route needs a server (the session store, Postgres, NATS): when it is down, 503 with Retry-After.
  if (!Reflect.getMetadata(DECORATORS.API_RESPONSE, route.handler)) codes.add(ErrorCode.UPSTREAM_UNAVAILABLE);
  if (injected.includes(NatsRpcClient)) {
    codes.add(ErrorCode.UPSTREAM_TIMEOUT);
    // The owning service checks the object's scope (this institution, this programme) for staff routes.
    if (!route.public) codes.add(ErrorCode.OUT_OF_SCOPE);
  }
  for (const code of [
    ...((Reflect.getMetadata(API_ERRORS_KEY, route.controller) as ErrorCode[]) ?? []),
    ...((Reflect.getMetadata(API_ERRORS_KEY, route.handler) as ErrorCode[]) ?? []),
  ])
    codes.add(code);

  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of Object.values(ErrorCode).filter((c) => codes.has(c)))
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const responses: Record<string, JsonObject> = {};
  for (const [status, list] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: list.map((code) => `${code}: ${ERROR_MESSAGES[code].ar} ${ERROR_MESSAGES[code].en}`).join('\n'),
      'x-error-codes': list,
      ...(status === 429 || status === 503
        ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } }
        : {}),
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: `${SCHEMA_PREFIX}ErrorBody` },
              { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: list } } } } },
            ],
          },
          examples: Object.fromEntries(
            list.map((code) => [code, { value: { error: { code, message: ERROR_MESSAGES[code].ar } } }]),
          ),
        },
      },
    };
  }
  return responses;
}

/** Arabic examples of the request body and the answer, generated from their schemas. */
function addExamples(operation: JsonObject, components: Record<string, SchemaLike>): void {
  const body = (
    operation.requestBody as { content: Record<string, { schema: SchemaLike; example?: unknown }> } | undefined
  )?.content['application/json'];
  if (body) body.example = arabicExample(body.schema, components);
  for (const [status, response] of Object.entries(
    operation.responses as Record<string, { content?: Record<string, { schema: SchemaLike; example?: unknown }> }>,
  )) {
    const json = response.content?.['application/json'];
    if (json && status.startsWith('2')) json.example = arabicExample(json.schema, components);
  }
}

function refsIn(schema: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_PREFIX))
          out.push(v.slice(SCHEMA_PREFIX.length));
        else walk(v);
      }
    }
  };
  walk(schema);
  return out;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
