import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Type } from '@nestjs/common';
import { createGenerator } from 'ts-json-schema-generator';
import { controllerRoutes } from '../access/controller-routes';
import type { SchemaLike } from './arabic-example';
import type { HandlerResultSchemas } from './openapi-document';

/**
 * JSON schemas of what each route handler answers, read from its TypeScript return type (which is
 * the answer type of the NATS contract it forwards to, in libs/contracts): the types the code is
 * compiled against are the documentation, with no class or schema written twice.
 */
export function generateHandlerResultSchemas(controllers: Type<unknown>[], gatewayRoot: string): HandlerResultSchemas {
  const workDir = join(gatewayRoot, '.openapi');
  mkdirSync(workDir, { recursive: true });
  try {
    const sources = controllerSources(join(gatewayRoot, 'src'));
    const lines: string[] = [];
    const aliases = new Map<string, string>();
    for (const controller of controllers) {
      const source = sources.get(controller.name);
      // Controllers from libs (health, metrics) declare their answers with @ApiResponse beside the route.
      if (!source) continue;
      lines.push(`import type { ${controller.name} } from '${relative(workDir, source).replace(/\.ts$/, '')}';`);
      for (const route of controllerRoutes(controller)) {
        const alias = `${controller.name}__${route.handlerName}`;
        aliases.set(alias, `${controller.name}.${route.handlerName}`);
        lines.push(`export type ${alias} = ReturnType<${controller.name}['${route.handlerName}']>;`);
      }
    }
    writeFileSync(join(workDir, 'handler-results.ts'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(workDir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../tsconfig.json',
        // ts-json-schema-generator brings TypeScript 6, which wants this to read a node10 resolution.
        compilerOptions: {
          ignoreDeprecations: '6.0',
          composite: false,
          noEmit: true,
          rootDir: '..',
          noUnusedLocals: false,
        },
        include: ['handler-results.ts'],
      }),
    );
    const generator = createGenerator({
      path: join(workDir, 'handler-results.ts'),
      tsconfig: join(workDir, 'tsconfig.json'),
      type: '*',
      expose: 'export',
      topRef: true,
      jsDoc: 'extended',
      additionalProperties: false,
      skipTypeCheck: true,
    });
    const definitions = (generator.createSchema('*').definitions ?? {}) as Record<string, SchemaLike>;
    const names = new Map(Object.keys(definitions).map((name) => [name, componentName(name)]));
    const rewritten = JSON.parse(
      JSON.stringify(definitions).replace(/"#\/definitions\/([^"]+)"/g, (_whole, ref: string) =>
        JSON.stringify(`#/components/schemas/${names.get(decodeURIComponent(ref)) ?? ref}`),
      ),
    ) as Record<string, SchemaLike>;
    // Generic instances of anonymous types get random names (`Page<structure-0.38…>`): inline them.
    const anonymous = new Map(
      [...names]
        .filter(([name]) => name.includes('structure-'))
        .map(([name, component]) => [`#/components/schemas/${component}`, rewritten[name]]),
    );
    const inline = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(inline);
      if (!node || typeof node !== 'object') return node;
      const ref = (node as { $ref?: string }).$ref;
      if (ref && anonymous.has(ref)) return inline(anonymous.get(ref));
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
    };
    const handlers: Record<string, SchemaLike | null> = {};
    const schemas: Record<string, SchemaLike> = {};
    for (const [name, found] of Object.entries(rewritten)) {
      if (name.includes('structure-')) continue;
      const schema = inline(found) as SchemaLike;
      const handler = aliases.get(name);
      if (handler) handlers[handler] = isNothing(schema) ? null : schema;
      else schemas[names.get(name) as string] = schema;
    }
    return { handlers: sorted(handlers), schemas: sorted(schemas) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Generic instances (`Page<CommitmentSummary>`) named as OpenAPI allows. */
function componentName(name: string): string {
  return name
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/_$/, '');
}

/** `void` (a handler that writes the reply itself) or `never`. */
function isNothing(schema: SchemaLike): boolean {
  return (schema as { not?: unknown }).not !== undefined || schema.type === 'null' || Object.keys(schema).length === 0;
}

function controllerSources(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) controllerSources(path, out);
    else if (entry.name.endsWith('.controller.ts')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/export class (\w+)/g)) out.set(match[1], path);
    }
  }
  return out;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
