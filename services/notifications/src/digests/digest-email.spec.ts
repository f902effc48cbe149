import { digestEmail } from './digest-email';

describe('digestEmail', () => {
  it('titles the digest in the reader language and lists one item a line', () => {
    expect(digestEmail('fr', ['- a\n  body a', '- b\n  body b'])).toEqual({
      subject: 'Résumé quotidien des notifications',
      body: '- a\n  body a\n- b\n  body b',
    });
  });

  it('titles it in Arabic for a language the platform does not have', () => {
    expect(digestEmail('de', ['- a']).subject).toBe('ملخص الإشعارات اليومي');
  });
});
