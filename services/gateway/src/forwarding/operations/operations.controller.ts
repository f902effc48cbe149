import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ogp/auth';
import { DomainError, SERVICE_NAMES, serviceInfoRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { RouteAccess, RouteCatalog } from '../../access/route-catalog';

/** What an operator needs to see at a glance: which services answer, and who may call what. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin')
export class OperationsController {
  constructor(
    private readonly rpc: NatsRpcClient,
    private readonly routes: RouteCatalog,
  ) {}

  @Roles('admin')
  @Get('services')
  async services(): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
      SERVICE_NAMES.map(async (name) => {
        try {
          return [
            name,
            { status: 'up', ...(await this.rpc.request(serviceInfoRpc(name), {}, { timeoutMs: 2000 })) },
          ] as const;
        } catch (err) {
          return [name, { status: 'down', code: err instanceof DomainError ? err.code : 'INTERNAL' }] as const;
        }
      }),
    );
    return Object.fromEntries(entries) as Record<string, unknown>;
  }

  @Roles('admin')
  @Get('routes')
  async listRoutes(): Promise<RouteAccess[]> {
    return this.routes.list();
  }
}
