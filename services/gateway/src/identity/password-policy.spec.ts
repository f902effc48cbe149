import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@ogp/contracts';
import { PasswordPolicy } from './password-policy';

function outcome(password: string, account: { email?: string; displayName?: string } = {}): string {
  try {
    PasswordPolicy.check(password, account);
    return 'ok';
  } catch (err) {
    return (err as DomainError).code;
  }
}

describe('PasswordPolicy (OWASP ASVS 2.1)', () => {
  it('ships a real list of at least 10,000 common passwords', () => {
    const lines = readFileSync(join(__dirname, '..', '..', 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(10000);
    expect(lines.slice(0, 3)).toEqual(['password', '123456', '12345678']);
  });

  it('asks for at least 12 characters, counted as characters, not bytes', () => {
    expect(outcome('Xk9#mT2$qL7')).toBe('PASSWORD_TOO_SHORT');
    expect(outcome('كلمة سر طويلة')).toBe('ok');
    expect(outcome('كلمةسرقصيرة')).toBe('PASSWORD_TOO_SHORT');
  });

  it.each([
    'aaaaaaaaaaaa',
    '123456789012',
    'qwertyuiopas',
    'abcdefghijklm',
    'zyxwvutsrqpo',
    'abababababab',
    'password2024',
    'Password123!',
    '!!baseball!!99',
    '1qaz2wsx3edc',
  ])('refuses %s as too common or too easy to guess', (password) =>
    expect(outcome(password)).toBe('PASSWORD_TOO_COMMON'),
  );

  it('refuses a password that holds the e-mail local part or the name', () => {
    expect(outcome('amina.benali-2026', { email: 'amina.benali@example.ma' })).toBe('PASSWORD_CONTAINS_PERSONAL_DATA');
    expect(outcome('MyNameIsYoussef!', { displayName: 'Youssef Alaoui' })).toBe('PASSWORD_CONTAINS_PERSONAL_DATA');
    expect(outcome('Amina-Benali-rocks', { displayName: 'amina benali' })).toBe('PASSWORD_CONTAINS_PERSONAL_DATA');
    expect(outcome('أمينة تحب الحكومة المنفتحة', { displayName: 'أمينة' })).toBe('PASSWORD_CONTAINS_PERSONAL_DATA');
    // Two-letter initials are no hint.
    expect(outcome('correct horse battery', { email: 'ab@example.ma', displayName: 'A B' })).toBe('ok');
  });

  it("accepts a long passphrase that is nobody's favourite", () => {
    expect(outcome('correct horse battery', { email: 'citizen@test.ma', displayName: 'citizen' })).toBe('ok');
    expect(outcome('Demo-OGP-2026!', { email: 'admin@demo.ogp.ma', displayName: 'مدير المنصة' })).toBe('ok');
  });
});
