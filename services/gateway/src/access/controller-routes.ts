import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, Role, ROLES_KEY } from '@ogp/auth';

/** One HTTP route of a controller, with the access metadata the AccessGuard reads. */
export interface ControllerRoute {
  method: string;
  path: string;
  public: boolean;
  roles: Role[];
  controller: Type<unknown>;
  handlerName: string;
  handler: (...args: unknown[]) => unknown;
}

const reflector = new Reflector();
const scanner = new MetadataScanner();

/** The routes a controller class declares, read from the same metadata the AccessGuard uses. */
export function controllerRoutes(controller: Type<unknown>): ControllerRoute[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const proto = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
  const routes: ControllerRoute[] = [];
  for (const handlerName of scanner.getAllMethodNames(proto)) {
    const handler = proto[handlerName];
    const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
    if (sub === undefined) continue;
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    const path = `/${[base, String(sub)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
    const isPublic = !!reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, controller]);
    const roles = reflector.getAllAndOverride<Role[]>(ROLES_KEY, [handler, controller]) ?? [];
    routes.push({ method, path, public: isPublic, roles, controller, handlerName, handler });
  }
  return routes;
}
