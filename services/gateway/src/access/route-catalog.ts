import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { PUBLIC_KEY, Role, ROLES_KEY } from '@ogp/auth';

export interface RouteAccess {
  method: string;
  path: string;
  public: boolean;
  roles: Role[];
}

/** Every HTTP route of the gateway with the roles it admits: read by tests and operators. */
@Injectable()
export class RouteCatalog {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  list(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const proto = Object.getPrototypeOf(instance);
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = `/${[base, String(sub)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const isPublic = !!this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, metatype]);
        const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, [handler, metatype]) ?? [];
        routes.push({ method, path, public: isPublic, roles });
      }
    }
    return routes;
  }
}
