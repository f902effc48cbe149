import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@ogp/runtime';
import { GatewayConfig } from '../gateway.config';
import { GatewayModule } from '../gateway.module';
import { generateHandlerResultSchemas } from './handler-results.generator';
import { moduleControllers } from './module-controllers';
import { buildOpenApiDocument } from './openapi-document';

/**
 * `npm run openapi`: regenerates the answer schemas from the handlers' return types, then writes
 * the document the gateway serves to services/gateway/openapi.json (the portal's client is typed from it).
 */
const gatewayRoot = join(__dirname, '..', '..');
// The module is only read for its controllers: nothing connects, so no real configuration is needed.
const controllers = moduleControllers(GatewayModule.register({} as GatewayConfig, createLogger('openapi', 'silent')));
const results = generateHandlerResultSchemas(controllers, gatewayRoot);
writeFileSync(
  join(gatewayRoot, 'src', 'openapi', 'handler-results.schema.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
const document = buildOpenApiDocument(controllers, results);
writeFileSync(join(gatewayRoot, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
const operations = Object.values(document.paths as Record<string, object>).reduce(
  (n, ops) => n + Object.keys(ops).length,
  0,
);
process.stdout.write(
  `openapi.json: ${operations} operations, ${Object.keys((document.components as { schemas: object }).schemas).length} schemas\n`,
);
