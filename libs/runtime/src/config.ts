import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

const SECRET_FIELDS = Symbol('secret-config-fields');

/** Marks a configuration variable as secret: it is never printed, not even in an error. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const list = (Reflect.getMetadata(SECRET_FIELDS, target.constructor) as string[] | undefined) ?? [];
    Reflect.defineMetadata(SECRET_FIELDS, [...list, String(key)], target.constructor);
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function declaredKeys(cls: new () => object): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return [...new Set(metas.map((m) => m.propertyName))];
}

/** Environment values are strings; a variable whose default is a number or boolean is read as one. */
function coerce(value: string, fallback: unknown): unknown {
  if (typeof fallback === 'number') return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof fallback === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/**
 * Reads the variables a config class declares from the environment, applies its defaults and
 * validates them. Throws a ConfigError naming every bad variable (values of secrets withheld).
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const secrets = (Reflect.getMetadata(SECRET_FIELDS, cls) as string[] | undefined) ?? [];
  const defaults = new cls() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of declaredKeys(cls)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : coerce(value, defaults[key]);
  }
  const instance = plainToInstance(cls, raw);
  const errors = validateSync(instance, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e: ValidationError) => {
        const shown = secrets.includes(e.property) ? '(secret withheld)' : JSON.stringify(raw[e.property] ?? null);
        return `${e.property} = ${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return instance;
}

/** A copy of the config that can be logged: secrets replaced. */
export function printableConfig<T extends object>(config: T): Record<string, unknown> {
  const secrets = (Reflect.getMetadata(SECRET_FIELDS, config.constructor) as string[] | undefined) ?? [];
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secrets.includes(k) ? '[secret]' : v]));
}
