import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractValidator } from './contract-validator';

let gateway: ContractValidator | undefined;

/**
 * Fails when a real answer of the gateway does not match services/gateway/openapi.json: the
 * operation, the status and the body's schema. The integration specs call it on every answer.
 */
export function expectToMatchContract(method: string, url: string, status: number, body: unknown): void {
  // libs/testing/src (jest) and libs/testing/dist sit at the same depth.
  gateway ??= new ContractValidator(
    JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'services', 'gateway', 'openapi.json'), 'utf8'),
    ) as ConstructorParameters<typeof ContractValidator>[0],
  );
  gateway.expectToMatch(method, url, { status, body });
}
