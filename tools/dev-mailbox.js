#!/usr/bin/env node
// A local SMTP server for development: every e-mail the platform sends is written to
// .run/mail/<time>-<n>.eml and announced on the console. Not for production.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { SMTPServer } = require('smtp-server');

const port = Number(process.env.DEV_SMTP_PORT ?? 2525);
const dir = join(__dirname, '..', '.run', 'mail');
mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      n += 1;
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${n}.eml`);
      writeFileSync(file, Buffer.concat(chunks));
      process.stdout.write(`[mail] to ${session.envelope.rcptTo.map((r) => r.address).join(', ')} -> ${file}\n`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`[mail] development mailbox on smtp://127.0.0.1:${port}, writing to ${dir}\n`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
