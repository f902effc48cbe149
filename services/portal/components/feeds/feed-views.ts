import type { LocalizedText } from '../../i18n/localized-text';
import type { Schemas } from '../../gateway/views';

/** The gateway's open-data index (GET /open-data). */
export interface OpenDataIndexView {
  dictionary: string;
  atom: { language: 'ar' | 'fr' | 'en'; url: string }[];
  datasets: {
    dataset: 'commitments' | 'activities' | 'ideas' | 'statistics';
    subject: { kind: 'plan' | 'cycle'; id: string; title: LocalizedText };
    updatedAt: string;
    files: { format: 'csv' | 'json' | 'xlsx'; url: string; size: number }[];
  }[];
}

/** The data dictionary (GET /open-data/dictionary). */
export interface OpenDataDictionaryView {
  datasets: {
    dataset: OpenDataIndexView['datasets'][number]['dataset'];
    subject: 'plan' | 'cycle';
    description: LocalizedText;
    columns: {
      id: string;
      type: 'text' | 'number' | 'date' | 'code';
      label: LocalizedText;
      description: LocalizedText;
    }[];
  }[];
}

/** The private calendar feed's state (GET/POST /me/calendar-feed). */
export type CalendarFeedView = Schemas['CalendarFeedView'];
