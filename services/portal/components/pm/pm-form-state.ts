import type { CitizenFormState } from '../citizen/citizen-form-state';
import type { WeightPreview } from './weight-preview';

/** The weights form after a submission: besides the outcome, the preview the server computed (no script needed). */
export interface WeightsFormState extends CitizenFormState {
  preview?: WeightPreview;
}

/** Evidence files: the types and size the platform accepts (libs/contracts EVIDENCE_TYPES, EVIDENCE_MAX_BYTES). */
export const EVIDENCE_ACCEPT: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};
export const EVIDENCE_EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const EVIDENCE_MAX_BYTES = 512 * 1024;

/** The type of a chosen file, from what the browser says or else its extension; null when it is not accepted. */
export function evidenceType(name: string, declared: string): string | null {
  if (declared && declared in EVIDENCE_ACCEPT) return declared;
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return EVIDENCE_EXTENSIONS[ext] ?? null;
}
