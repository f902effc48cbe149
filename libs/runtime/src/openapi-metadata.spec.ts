import 'reflect-metadata';
import {
  ApiProduces as SwaggerApiProduces,
  ApiResponse as SwaggerApiResponse,
  ApiTags as SwaggerApiTags,
  DECORATORS,
} from '@nestjs/swagger';
import { ApiProduces, ApiResponse, ApiTags, OPENAPI_KEYS } from './openapi-metadata';

const SCHEMA = { type: 'object', properties: { status: { type: 'string' } } };

describe('OpenAPI metadata without @nestjs/swagger', () => {
  it('writes under the keys @nestjs/swagger reads', () => {
    expect(OPENAPI_KEYS.API_TAGS).toBe(DECORATORS.API_TAGS);
    expect(OPENAPI_KEYS.API_RESPONSE).toBe(DECORATORS.API_RESPONSE);
    expect(OPENAPI_KEYS.API_PRODUCES).toBe(DECORATORS.API_PRODUCES);
  });

  it('gives a route the tags, answers and media types @nestjs/swagger would', () => {
    @ApiTags('operations')
    class Ours {
      @ApiProduces('text/plain')
      @ApiResponse({ status: 200, description: 'fine', schema: SCHEMA })
      @ApiResponse({ status: 503, description: 'not fine', schema: SCHEMA })
      handle(): void {}
    }
    @SwaggerApiTags('operations')
    class Theirs {
      @SwaggerApiProduces('text/plain')
      @SwaggerApiResponse({ status: 200, description: 'fine', schema: SCHEMA })
      @SwaggerApiResponse({ status: 503, description: 'not fine', schema: SCHEMA })
      handle(): void {}
    }
    const read = (key: string, target: object) => Reflect.getMetadata(key, target) as unknown;
    expect(read(DECORATORS.API_TAGS, Ours)).toEqual(read(DECORATORS.API_TAGS, Theirs));
    expect(read(DECORATORS.API_PRODUCES, Ours.prototype.handle)).toEqual(
      read(DECORATORS.API_PRODUCES, Theirs.prototype.handle),
    );
    // @nestjs/swagger also keeps `type: undefined, isArray: undefined` (toEqual ignores them).
    expect(read(DECORATORS.API_RESPONSE, Ours.prototype.handle)).toEqual(
      read(DECORATORS.API_RESPONSE, Theirs.prototype.handle),
    );
  });
});
