/**
 * The OpenAPI metadata of the health and metrics routes, written under the keys @nestjs/swagger
 * reads (its DECORATORS; a spec checks they still match) without loading @nestjs/swagger: in a
 * service that never builds a document it cost 97 modules, lodash and js-yaml at every boot.
 */
export const OPENAPI_KEYS = {
  API_TAGS: 'swagger/apiUseTags',
  API_RESPONSE: 'swagger/apiResponse',
  API_PRODUCES: 'swagger/apiProduces',
} as const;

interface DocumentedResponse {
  status: number;
  description: string;
  schema: object;
}

/** The controller's tags (what @ApiTags writes on a class). */
export function ApiTags(...tags: string[]): ClassDecorator {
  return (target) => {
    const previous = (Reflect.getMetadata(OPENAPI_KEYS.API_TAGS, target) as string[] | undefined) ?? [];
    Reflect.defineMetadata(OPENAPI_KEYS.API_TAGS, [...previous, ...tags], target);
  };
}

/** One documented answer of a route (what @ApiResponse writes on a method). */
export function ApiResponse({ status, ...entry }: DocumentedResponse): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const previous = (Reflect.getMetadata(OPENAPI_KEYS.API_RESPONSE, handler) as object | undefined) ?? {};
    Reflect.defineMetadata(OPENAPI_KEYS.API_RESPONSE, { ...previous, [status]: entry }, handler);
  };
}

/** The media types a route answers in (what @ApiProduces writes on a method). */
export function ApiProduces(...types: string[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const previous = (Reflect.getMetadata(OPENAPI_KEYS.API_PRODUCES, handler) as string[] | undefined) ?? [];
    Reflect.defineMetadata(OPENAPI_KEYS.API_PRODUCES, [...previous, ...types], handler);
  };
}
