import Fastify, { FastifyServerOptions } from 'fastify';
import { lazySchemaCompilers } from './create-service-app';

describe('Fastify schema compilers built on first use', () => {
  it('still validate a route’s body and serialise its response when a route declares schemas', async () => {
    const app = Fastify({ schemaController: lazySchemaCompilers as FastifyServerOptions['schemaController'] });
    app.post(
      '/things',
      {
        schema: {
          body: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 5 } } },
          response: { 200: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      },
      async (request) => ({ name: (request.body as { name: string }).name, secret: 'not serialised' }),
    );
    const ok = await app.inject({ method: 'POST', url: '/things', payload: { name: 'abc' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ name: 'abc' });
    const bad = await app.inject({ method: 'POST', url: '/things', payload: { name: 'too long' } });
    expect(bad.statusCode).toBe(400);
    await app.close();
  });
});
