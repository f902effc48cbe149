import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, ErrorCode } from '@ogp/contracts';

/** The same relative path from src/identity and dist/identity: the list ships beside the code, not inside it. */
const COMMON_PASSWORDS_FILE = join(__dirname, '..', '..', 'data', 'common-passwords.txt');

/** Keyboard and counting runs: a password that is a slice of one of them is guessed first. */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

let common: Set<string> | null = null;

/** Loaded once, at first use (about 10,000 entries, a few hundred KB of memory). */
function commonPasswords(): Set<string> {
  if (!common) {
    common = new Set(
      readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line.length > 0),
    );
  }
  return common;
}

function isSequence(lower: string): boolean {
  return SEQUENCES.some((seq) => {
    const twice = seq + seq;
    const reversed = [...twice].reverse().join('');
    return twice.includes(lower) || reversed.includes(lower);
  });
}

/** Words of a name or e-mail local part long enough to be a real hint (initials are not). */
function personalWords(email: string | undefined, displayName: string | undefined): string[] {
  const words: string[] = [];
  const local = email?.split('@')[0]?.trim().toLowerCase();
  if (local && local.length >= 3) words.push(local, ...local.split(/[^\p{L}\p{N}]+/u));
  const name = displayName?.trim().toLowerCase();
  if (name && name.length >= 3) words.push(name, ...name.split(/[^\p{L}\p{N}]+/u));
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/**
 * OWASP ASVS 2.1: long enough, not a known common or breached password, not built from the
 * account's own data. Throws a coded error the caller can show as is; returns nothing when the
 * password is acceptable.
 */
export const PasswordPolicy = {
  minLength: 12,
  maxLength: 200,

  check(password: string, account: { email?: string; displayName?: string }): void {
    if ([...password].length < PasswordPolicy.minLength) {
      throw new DomainError(ErrorCode.PASSWORD_TOO_SHORT, 'password too short', {
        minLength: PasswordPolicy.minLength,
      });
    }
    const lower = password.toLowerCase();
    const list = commonPasswords();
    // A common word padded with digits or symbols ("password2024!") is the first variant tried.
    const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const distinct = new Set(lower).size;
    if (list.has(lower) || (core.length >= 4 && list.has(core)) || distinct < 5 || isSequence(lower)) {
      throw new DomainError(ErrorCode.PASSWORD_TOO_COMMON, 'password too common');
    }
    // Separators do not hide a name: "amina.benali" is found in "Amina-Benali-2026".
    const squeeze = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
    const squeezed = squeeze(lower);
    const hint = personalWords(account.email, account.displayName).find(
      (word) => lower.includes(word) || (squeeze(word).length >= 3 && squeezed.includes(squeeze(word))),
    );
    if (hint) {
      throw new DomainError(ErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA, 'password contains personal data');
    }
  },
};
