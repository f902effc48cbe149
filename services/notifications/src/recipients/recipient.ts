import { Language } from '@ogp/contracts';

/** A person a notification can reach: their language and address, from the recipients directory. */
export interface Recipient {
  userId: string;
  language: Language;
  email: string;
}
