import { createHash } from 'node:crypto';
import { DomainError, ErrorCode, EVIDENCE_MAX_BYTES } from '@ogp/contracts';
import { checkEvidenceFile } from './evidence-file';

const pdf = Buffer.from('%PDF-1.4 hello');
const file = (bytes: Buffer, type = 'application/pdf') => ({ name: 'f', type, content: bytes.toString('base64') });
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return (err as DomainError).code;
  }
  return null;
};

describe('checkEvidenceFile', () => {
  it('accepts bytes that start as their type says, with size and digest', () => {
    expect(checkEvidenceFile(file(pdf))).toMatchObject({
      name: 'f',
      type: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('refuses a file whose bytes are not its declared type, or a type it does not accept', () => {
    expect(codeOf(() => checkEvidenceFile(file(pdf, 'image/png')))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => checkEvidenceFile(file(pdf, 'text/plain')))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('refuses an empty file and one over the limit', () => {
    expect(codeOf(() => checkEvidenceFile(file(Buffer.alloc(0))))).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    const big = Buffer.concat([pdf, Buffer.alloc(EVIDENCE_MAX_BYTES)]);
    expect(codeOf(() => checkEvidenceFile(file(big)))).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
  });
});
