import { DomainError, ErrorCode } from '@ogp/contracts';
import { assertNotInFuture, evidenceEntry, reportedProgress } from './progress-report';

describe('progress report rules', () => {
  it('done counts as 100; else the figure given', () => {
    expect(reportedProgress({ done: true })).toBe(100);
    expect(reportedProgress({ done: true, progress: 40 })).toBe(100);
    expect(reportedProgress({ progress: 40 })).toBe(40);
    expect(reportedProgress({ done: false, progress: 0 })).toBe(0);
  });

  it('a report with neither is refused', () => {
    expect(() => reportedProgress({})).toThrow(DomainError);
  });

  it('a report dated after today is refused; today itself is fine', () => {
    expect(() => assertNotInFuture('2024-05-01', '2024-05-01')).not.toThrow();
    try {
      assertNotInFuture('2024-05-02', '2024-05-01');
      fail('expected a refusal');
    } catch (err) {
      expect((err as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });

  it('an evidence entry names the stored file without its bytes', () => {
    const entry = evidenceEntry({ id: 'i', name: 'n', type: 't', size: 3, sha256: 's', bytes: Buffer.from('abc') });
    expect(entry).toEqual({ fileId: 'i', name: 'n', type: 't', size: 3, sha256: 's' });
  });
});
