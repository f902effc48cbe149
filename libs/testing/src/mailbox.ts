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
            : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'),
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
    return Buffer.from(soft.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return Buffer.from(raw, 'latin1').toString('utf8');
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  /** The decoded text body, line ends normalised to \n. */
  text: string;
}

/** A real SMTP server for tests: it records every message it accepts, and can be stopped. */
export class Mailbox {
  mails: ReceivedMail[] = [];
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
          const raw = Buffer.concat(chunks).toString('latin1');
          const split = raw.search(/\r?\n\r?\n/);
          const header = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
          const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
          const headerValue = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(header)?.[1] ?? '';
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: decodeMimeHeader(Buffer.from(headerValue('Subject'), 'latin1').toString('utf8')),
            messageId: headerValue('Message-ID'),
            text: decodeBody(headerValue('Content-Transfer-Encoding'), body).replace(/\r\n/g, '\n').trimEnd(),
          });
          callback();
        });
      },
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }
}
