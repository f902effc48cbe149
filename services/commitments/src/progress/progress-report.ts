import { invalidFields, ReportProgressDto } from '@ogp/contracts';
import { CheckedEvidence } from './evidence-file';

/** A report gives a figure (0-100) or says the activity is done (100). */
export function reportedProgress(dto: Pick<ReportProgressDto, 'progress' | 'done'>): number {
  if (dto.progress === undefined && dto.done === undefined)
    throw invalidFields('give progress (0-100) or done', { field: 'progress', rule: 'required' });
  return dto.done ? 100 : dto.progress!;
}

/** A report is dated on or before the programme's today (ISO dates compare as text). */
export function assertNotInFuture(reportedOn: string, today: string): void {
  if (reportedOn > today)
    throw invalidFields('a report cannot be dated in the future', { field: 'reportedOn', rule: 'notInFuture' });
}

/** How a stored file is listed in its report's evidence. */
export function evidenceEntry(file: CheckedEvidence & { id: string }) {
  return { fileId: file.id, name: file.name, type: file.type, size: file.size, sha256: file.sha256 };
}
