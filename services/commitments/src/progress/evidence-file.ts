import { createHash } from 'node:crypto';
import { DomainError, ErrorCode, EVIDENCE_MAX_BYTES, EvidenceFileDto, invalidFields } from '@ogp/contracts';

/** The first bytes each accepted type must start with: the declared type is not trusted. */
const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [0x50, 0x4b, 0x03, 0x04],
};

export interface CheckedEvidence {
  name: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/** Checks an evidence file: its size, and that its bytes are what its type says. */
export function checkEvidenceFile(file: EvidenceFileDto): CheckedEvidence {
  const bytes = Buffer.from(file.content, 'base64');
  if (bytes.length === 0 || bytes.length > EVIDENCE_MAX_BYTES) {
    throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `an evidence file holds 1 byte to ${EVIDENCE_MAX_BYTES} bytes`, {
      issues: [{ field: 'files.content', rule: 'fileSize', args: [EVIDENCE_MAX_BYTES] }],
    });
  }
  const signature = SIGNATURES[file.type];
  if (!signature || !signature.every((b, i) => bytes[i] === b)) {
    throw invalidFields(`the file is not a ${file.type}`, { field: 'files.type', rule: 'contentMismatch' });
  }
  return {
    name: file.name,
    type: file.type,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}
