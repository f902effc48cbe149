import { Language } from '@ogp/contracts';

/** A notification's title and body in each language; {placeholders} are filled from the event. */
export interface Template {
  title: Record<Language, string>;
  body: Record<Language, string>;
}
