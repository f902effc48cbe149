// The lean reference: one Fastify process with `pg`, verifying the bearer token and reading the
// same rows as the platform and the textbook peer (the commitment, its activities, its indicators).
const { createSecretKey } = require('node:crypto');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');
const fastify = require('fastify')({ logger: false });

const schema = process.env.DB_SCHEMA;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: `-c search_path="${schema}"` });
const key = createSecretKey(Buffer.from(process.env.JWT_SECRET));

fastify.get('/programmes/:id', async (req, reply) => {
  const { rows } = await pool.query({
    name: 'programme',
    text: 'SELECT id, code, kind, name, description, created_at AS "createdAt", created_by AS "createdBy" FROM programmes WHERE id = $1',
    values: [req.params.id],
  });
  if (!rows[0]) return reply.code(404).send({ code: 'NOT_FOUND' });
  return rows[0];
});

fastify.get('/commitments/:id', async (req, reply) => {
  const [type, token] = (req.headers.authorization ?? '').split(' ');
  try {
    if (type !== 'Bearer') throw new Error('no token');
    jwt.verify(token, key, { algorithms: ['HS256'] });
  } catch {
    return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  }
  const id = req.params.id;
  const [c, a, i] = await Promise.all([
    pool.query({ name: 'c', text: 'SELECT * FROM commitments WHERE id = $1', values: [id] }),
    pool.query({
      name: 'a',
      text: 'SELECT id, title, start_date, end_date, weight, responsible, status, progress FROM activities WHERE commitment_id = $1 AND removed_at IS NULL ORDER BY position, created_at',
      values: [id],
    }),
    pool.query({
      name: 'i',
      text: 'SELECT id, title, unit, baseline, target, current FROM indicators WHERE commitment_id = $1 ORDER BY position, id',
      values: [id],
    }),
  ]);
  if (!c.rows[0]) return reply.code(404).send({ code: 'NOT_FOUND' });
  return { ...c.rows[0], activities: a.rows, indicators: i.rows };
});

fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.stdout.write('READY\n'));
// A graceful exit on SIGTERM, so that --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
