import { emailStatus, notificationText } from './notification-text';
import { Template } from './template';

const template: Template = {
  title: { ar: 'عنوان {title}', fr: 'Titre {title}', en: 'Title {title}' },
  body: { ar: 'نص {title} {missing}', fr: 'Corps {title} {missing} ', en: 'Body {title} {missing}' },
};

describe('notificationText', () => {
  it('fills the template in the reader language, an unknown placeholder left empty and the body trimmed', () => {
    const text = notificationText(template, { title: 'X' }, 'fr', { portalUrl: 'https://p', path: null });
    expect(text.title).toBe('Titre X');
    expect(text.body).toBe('Corps X');
    expect(text.emailBody).toBe('Corps X');
    expect(text.batchLine).toBe('Corps X');
  });

  it('adds the item link, under the reader language prefix, to the e-mail and to the batch line', () => {
    const text = notificationText(template, { title: 'X' }, 'en', { portalUrl: 'https://p', path: '/commitments/1' });
    expect(text.body).toBe('Body X');
    expect(text.emailBody).toMatch(/^Body X\n\n.*https:\/\/p\/en\/commitments\/1$/);
    expect(text.batchLine).toBe('Body X\n  https://p/en/commitments/1');
  });
});

describe('emailStatus', () => {
  it('sends a digest item with the digest, whatever its batch', () => {
    expect(emailStatus('digest', true)).toBe('digest');
    expect(emailStatus('digest', false)).toBe('digest');
  });

  it('holds an immediate e-mail of a sweep for the gathered e-mail, and sends the others at once', () => {
    expect(emailStatus('immediate', true)).toBe('batched');
    expect(emailStatus('immediate', false)).toBe('pending');
  });
});
