import { SMTPServer } from 'smtp-server';

/** RFC 2047: adjacent encoded words are joined as bytes, then read as UTF-8. */
export function decodeMimeHeader(line: string): string {
  return line
    .replace(/(=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
      const bytes: Buffer[] = [];
      for (const [, enc, text] of run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)) {
        bytes.push(
          enc.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
                'latin1',
              ),
        );
      }
      return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
    })
    .trim();
}

function decodeBody(encoding: string, raw: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const soft = raw.replace(/=\r?\n/g, '');
    return Buffer.from(
      soft.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return Buffer.from(raw, 'latin1').toString('utf8');
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  /** The decoded text body (the text/plain part of a multipart message), line ends normalised to \n. */
  text: string;
  /** The decoded text/html part, if any. */
  html: string | null;
  /** The top-level content type, without parameters (e.g. multipart/alternative). */
  contentType: string;
  /** The message's headers by lower-case name, unfolded and decoded. */
  headers: Record<string, string>;
}

interface MimeEntity {
  headers: Record<string, string>;
  body: string;
}

/** One entity (latin1 string): its unfolded headers by lower-case name, and its raw body. */
function parseEntity(raw: string): MimeEntity {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** The leaf parts of an entity, depth first (a single-part message is its own leaf). */
function leaves(entity: MimeEntity): MimeEntity[] {
  const type = entity.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [entity];
  const parts = entity.body.split(`--${boundary}`).slice(1);
  return parts.filter((p) => !p.startsWith('--')).flatMap((p) => leaves(parseEntity(p.replace(/^\r?\n/, ''))));
}

/** A real SMTP server for tests: it records every message it accepts, and can be stopped. */
export class Mailbox {
  mails: ReceivedMail[] = [];
  /** Called as each message is accepted (a test can inject a fault at that instant). */
  onMail: ((mail: ReceivedMail) => void) | null = null;
  private server: SMTPServer | null = null;
  constructor(readonly port: number) {}

  start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => {
          const message = parseEntity(Buffer.concat(chunks).toString('latin1'));
          const parts = leaves(message);
          const decoded = (type: RegExp) => {
            const part = parts.find((p) => type.test(p.headers['content-type'] ?? 'text/plain'));
            return part
              ? decodeBody(part.headers['content-transfer-encoding'] ?? '', part.body)
                  .replace(/\r\n/g, '\n')
                  .trimEnd()
              : null;
          };
          const headers = Object.fromEntries(
            Object.entries(message.headers).map(([k, v]) => [
              k,
              decodeMimeHeader(Buffer.from(v, 'latin1').toString('utf8')),
            ]),
          );
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: headers['subject'] ?? '',
            messageId: message.headers['message-id'] ?? '',
            text: decoded(/^text\/plain/i) ?? '',
            html: decoded(/^text\/html/i),
            contentType: (message.headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase(),
            headers,
          });
          callback();
          this.onMail?.(this.mails[this.mails.length - 1]);
        });
      },
    });
    return new Promise((resolve, reject) => {
      let listening = false;
      // A sender killed mid-session resets its connection ("read ECONNRESET"): smtp-server reports
      // that as an 'error' on the server, which would otherwise be thrown. Before listening, an error
      // (the port taken) fails the start.
      this.server!.on('error', (err) => (listening ? undefined : reject(err)));
      this.server!.listen(this.port, '127.0.0.1', () => {
        listening = true;
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }
}
