import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GatewayModule } from '../gateway.module';
import { OutboxBacklogRepository } from './outbox-backlog.repository';

/**
 * Runs an operator task inside the gateway's container (migrations, outbox relay included),
 * then waits for the outbox to drain so the task's events are on JetStream before exit.
 */
export async function withGatewayContext<T>(task: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfig(GatewayConfig);
  const context = await NestFactory.createApplicationContext(
    GatewayModule.register(config, createLogger('gateway-cli', 'warn')),
    { logger: false },
  );
  await context.init();
  try {
    const result = await task(context);
    const outbox = new OutboxBacklogRepository(context.get(DataSource));
    for (let i = 0; i < 100; i++) {
      if ((await outbox.unpublished()) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return result;
  } finally {
    await context.close();
  }
}
