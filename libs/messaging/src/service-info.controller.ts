import { Controller, Inject, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ServiceInfo, serviceInfoRpc } from '@ogp/contracts';
import { DataSource } from 'typeorm';

/** Builds the controller that answers `<service>.service.info` for the status page. */
export function serviceInfoController(
  service: string,
  version = process.env.npm_package_version ?? '0.1.0',
): Type<unknown> {
  @Controller()
  class ServiceInfoController {
    constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

    @MessagePattern(serviceInfoRpc(service).subject)
    async info(): Promise<ServiceInfo> {
      const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
      return {
        service,
        version,
        migrations: rows.map((r) => r.name),
        pid: process.pid,
        uptimeSeconds: Math.round(process.uptime()),
      };
    }
  }
  return ServiceInfoController;
}
