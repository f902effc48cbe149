// The baseline: a bare Fastify endpoint returning a fixed body, nothing else.
const fastify = require('fastify')({ logger: false });
const body = process.env.BODY;
fastify.get('/programmes/:id', async (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.stdout.write('READY\n'));
