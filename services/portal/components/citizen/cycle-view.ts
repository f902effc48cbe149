import type { LocalizedText } from '../../i18n/localized-text';

/** A co-creation cycle as the gateway answers GET /cycles/:id. */
export interface CycleView {
  id: string;
  programmeId: string;
  code: string;
  title: LocalizedText;
  phases: { kind: string; opensAt: string; closesAt: string; open: boolean }[];
  currentPhases: string[];
  themes: { id: string; number: number; title: LocalizedText }[];
}
