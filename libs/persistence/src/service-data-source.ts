import { DataSource, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The one schema this service owns. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a safe SQL identifier`);
  return name;
}

/**
 * A TypeORM data source bound to one schema. `synchronize` is off for good: the schema only
 * changes through migrations. search_path points at the schema so migrations stay unqualified
 * and the same migration serves every schema (tests use one per suite).
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const schema = assertIdentifier(options.schema);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${schema},public`,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    },
  });
}
