#!/usr/bin/env node
// A local SMTP server for development: every e-mail the platform sends is written to
// .run/mail/<time>-<n>.eml, its HTML part beside it as <time>-<n>.html (open it in a browser to
// read the e-mail as a person would) and announced on the console. Not for production.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { SMTPServer } = require('smtp-server');

const port = Number(process.env.DEV_SMTP_PORT ?? 2525);
const dir = process.env.DEV_MAIL_DIR ?? join(__dirname, '..', '.run', 'mail');
mkdirSync(dir, { recursive: true });

/** Headers (lower-case names, unfolded) and raw body of one MIME entity, read as latin1. */
function entity(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '') };
}

/** The decoded text/html part of a message, or null when it has none. */
function htmlPart(raw) {
  const stack = [entity(raw)];
  while (stack.length > 0) {
    const e = stack.shift();
    const type = e.headers['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (/^multipart\//i.test(type) && boundary) {
      for (const part of e.body.split(`--${boundary}`).slice(1))
        if (!part.startsWith('--')) stack.push(entity(part.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
      continue;
    }
    if (!/^text\/html/i.test(type)) continue;
    const encoding = e.headers['content-transfer-encoding'] ?? '';
    if (/base64/i.test(encoding)) return Buffer.from(e.body.replace(/\s+/g, ''), 'base64');
    if (/quoted-printable/i.test(encoding)) {
      return Buffer.from(
        e.body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      );
    }
    return Buffer.from(e.body, 'latin1');
  }
  return null;
}

let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      n += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${n}`;
      const file = join(dir, `${name}.eml`);
      const raw = Buffer.concat(chunks);
      writeFileSync(file, raw);
      const html = htmlPart(raw.toString('latin1'));
      const htmlFile = html ? join(dir, `${name}.html`) : null;
      if (htmlFile) writeFileSync(htmlFile, html);
      process.stdout.write(
        `[mail] to ${session.envelope.rcptTo.map((r) => r.address).join(', ')} -> ${file}${htmlFile ? ` (readable: ${htmlFile})` : ''}\n`,
      );
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () =>
  process.stdout.write(`[mail] development mailbox on smtp://127.0.0.1:${port}, writing to ${dir}\n`),
);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
