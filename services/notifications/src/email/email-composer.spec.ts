import { NotificationsConfig } from '../notifications.config';
import { EmailComposer } from './email-composer';

describe('EmailComposer', () => {
  const config = Object.assign(new NotificationsConfig(), { PORTAL_URL: 'https://portal.test.ma' });
  const composer = new EmailComposer(config);

  it('an account e-mail has an HTML form with no unsubscribe, its portal link clickable', () => {
    const mail = composer.compose({
      subject: 'Reset your password',
      body: 'Hello <Salma>,\n\nOpen this link:\n\nhttps://portal.test.ma/en/reset-password?token=a&b=c\n\nBye',
      language: 'en',
      transactional: true,
    });
    expect(mail.unsubscribeUrl).toBeNull();
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).not.toContain('preferences');
    expect(mail.html).toContain('Hello &lt;Salma&gt;,');
    expect(mail.html).toContain(
      '<a href="https:&#x2F;&#x2F;portal.test.ma&#x2F;en&#x2F;reset-password?token&#x3D;a&amp;b&#x3D;c"',
    );
    expect(mail.text).toBe(
      'Hello <Salma>,\n\nOpen this link:\n\nhttps://portal.test.ma/en/reset-password?token=a&b=c\n\nBye',
    );
  });

  it('a notification in Arabic is right to left, ends with a button to the item and leads to the preferences', () => {
    const mail = composer.compose({
      subject: 'عنوان',
      body: 'نص\nسطر ثان\n\nللاطلاع: https://portal.test.ma/ar/commitments/1',
      language: 'ar',
      transactional: false,
    });
    expect(mail.language).toBe('ar');
    expect(mail.unsubscribeUrl).toBe('https://portal.test.ma/ar/me/settings#preferences');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('نص<br>سطر ثان');
    expect(mail.html).toMatch(
      /<a href="https:&#x2F;&#x2F;portal.test.ma&#x2F;ar&#x2F;commitments&#x2F;1"[^>]*>للاطلاع<\/a>/,
    );
    expect(mail.html).toContain('href="https:&#x2F;&#x2F;portal.test.ma&#x2F;ar&#x2F;me&#x2F;settings#preferences"');
  });

  it('links elsewhere than the portal stay text, and an unknown language falls back to Arabic', () => {
    const mail = composer.compose({
      subject: 's',
      body: 'see http://evil.example/x',
      language: null,
      transactional: false,
    });
    expect(mail.html).not.toContain('href="http:&#x2F;&#x2F;evil');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
  });
});
