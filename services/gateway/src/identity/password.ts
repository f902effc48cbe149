import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, t=2): OWASP's minimum recommendation. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the e-mail is unknown, so both paths take the same time. */
export const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AijeKlL178kn/den5eED5g$loiYIFsR2OSA3oniytVWiGxQH3asv7zHhB62zOj2tNA';
