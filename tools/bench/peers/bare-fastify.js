// The baseline: a bare Fastify endpoint returning fixed bodies, nothing else.
// BODIES is a JSON object { path: body } (BODY alone serves /programmes/:id, as before).
const fastify = require('fastify')({ logger: false });
const bodies = process.env.BODIES ? JSON.parse(process.env.BODIES) : null;
if (bodies) {
  for (const [path, body] of Object.entries(bodies))
    fastify.get(path, async (_req, reply) =>
      reply.header('content-type', 'application/json; charset=utf-8').send(body),
    );
} else {
  const body = process.env.BODY;
  fastify.get('/programmes/:id', async (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(body),
  );
}
fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.stdout.write('READY\n'));
// A graceful exit on SIGTERM, so that --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
