import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@ogp/testing';
import { createTransport } from 'nodemailer';

describe('the development mailbox (tools/dev-mailbox.js, a real SMTP server)', () => {
  let mailbox: ChildProcess;
  let port: number;
  const dir = mkdtempSync(join(tmpdir(), 'dev-mailbox-'));

  beforeAll(async () => {
    port = await freePort();
    mailbox = spawn(process.execPath, [join(__dirname, 'dev-mailbox.js')], {
      env: { ...process.env, DEV_SMTP_PORT: String(port), DEV_MAIL_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    mailbox.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('development mailbox on'), { what: 'the mailbox listening' });
  });

  afterAll(async () => {
    mailbox?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the raw message and, beside it, its HTML part as a readable .html file', async () => {
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const html = '<!DOCTYPE html><html lang="ar" dir="rtl"><body><p>مرحبا بك في المنصة</p></body></html>';
    await transport.sendMail({
      from: 'no-reply@ogp.platform',
      to: 'salma@test.ma',
      subject: 'مرحبا',
      text: 'مرحبا بك في المنصة',
      html,
    });
    transport.close();
    await waitFor(() => readdirSync(dir).some((f) => f.endsWith('.html')), { what: 'the .html file' });
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const [eml, page] = [files.find((f) => f.endsWith('.eml'))!, files.find((f) => f.endsWith('.html'))!];
    expect(page.replace(/\.html$/, '')).toBe(eml.replace(/\.eml$/, ''));
    expect(readFileSync(join(dir, page), 'utf8')).toBe(html);
    expect(readFileSync(join(dir, eml), 'latin1')).toMatch(/multipart\/alternative/);
  });
});
