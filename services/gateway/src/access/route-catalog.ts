import { Injectable, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Role } from '@ogp/auth';
import { controllerRoutes } from './controller-routes';

export interface RouteAccess {
  method: string;
  path: string;
  public: boolean;
  roles: Role[];
}

/** Every HTTP route of the gateway with the roles it admits: read by tests, operators and the OpenAPI document. */
@Injectable()
export class RouteCatalog {
  constructor(private readonly discovery: DiscoveryService) {}

  /** The controller classes of the running gateway. */
  controllers(): Type<unknown>[] {
    return this.discovery
      .getControllers()
      .filter((wrapper) => wrapper.instance && wrapper.metatype)
      .map((wrapper) => wrapper.metatype as Type<unknown>);
  }

  list(): RouteAccess[] {
    return this.controllers().flatMap((controller) =>
      controllerRoutes(controller).map(({ method, path, public: isPublic, roles }) => ({
        method,
        path,
        public: isPublic,
        roles,
      })),
    );
  }
}
