import { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';

type ModuleLike = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

/** Every controller a module tree declares, as Nest would mount them (read without booting anything). */
export function moduleControllers(module: ModuleLike, seen = new Set<unknown>()): Type<unknown>[] {
  if (!module || module instanceof Promise || seen.has(module)) return [];
  seen.add(module);
  const dynamic = (module as DynamicModule).module ? (module as DynamicModule) : undefined;
  const type = dynamic ? dynamic.module : (module as Type<unknown>);
  const controllers = [
    ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type<unknown>[]) ?? []),
    ...(dynamic?.controllers ?? []),
  ];
  const imports = [
    ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as ModuleLike[]) ?? []),
    ...((dynamic?.imports as ModuleLike[]) ?? []),
  ];
  return [...controllers, ...imports.flatMap((imported) => moduleControllers(imported, seen))];
}
