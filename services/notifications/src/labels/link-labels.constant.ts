import { Language } from '@ogp/contracts';

/** The words before the link to the item at the end of an e-mail (punctuation per language). */
export const OPEN_LINK_LABEL: Record<Language, string> = { ar: 'للاطلاع: ', fr: 'Voir : ', en: 'View: ' };
