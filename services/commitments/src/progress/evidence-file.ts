import { createHash, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, EVIDENCE_MAX_BYTES, EvidenceFileDto, invalidFields } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

/** The first bytes each accepted type must start with: the declared type is not trusted. */
const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [0x50, 0x4b, 0x03, 0x04],
};

export interface StoredEvidence {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** Checks an evidence file (size, and that its bytes are what its type says) and stores it. */
export async function storeEvidenceFile(
  m: EntityManager,
  reportId: string,
  file: EvidenceFileDto,
): Promise<StoredEvidence> {
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
  const stored = {
    id: randomUUID(),
    name: file.name,
    type: file.type,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  await m.query(
    `INSERT INTO evidence_files (id, report_id, name, type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [stored.id, reportId, stored.name, stored.type, stored.size, stored.sha256, bytes],
  );
  return stored;
}
