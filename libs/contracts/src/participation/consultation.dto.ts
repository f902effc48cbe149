import { NestedObject, NestedList } from '../common/validation/nested.validator';
import { IsIn, IsInt, IsString, IsUUID, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../common/validation/is-instant.validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { LocalizedLongTextDto, LocalizedTextDto } from '../common/localized-text.dto';

export class DraftCommitmentDto {
  @IsUUID()
  cycleId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsString()
  @Length(2, 200)
  institution: string;

  /** The institution concerned (commitments service id): its project managers may answer the comments. */
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

export class CommentDto {
  @IsString()
  @Length(3, 3000)
  body: string;
}

export class CommentAnswerDto {
  @IsString()
  @Length(3, 3000)
  answer: string;
}

export class AttachmentDto {
  @IsString()
  @Length(1, 200)
  title: string;

  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  url: string;
}

export class CandidacyDto {
  @IsUUID()
  cycleId: string;

  @IsString()
  @Length(2, 200)
  organisation: string;

  @IsString()
  @Length(20, 5000)
  statement: string;

  @IsOptional()
  @NestedList(() => AttachmentDto, 10)
  documents?: AttachmentDto[];
}

export class SelectionDto {
  @IsUUID()
  cycleId: string;

  /** The published criteria: a score per candidacy, out of 100. */
  @NestedList(() => CandidacyScoreDto, 200)
  scores: CandidacyScoreDto[];

  @IsInt()
  @Min(1)
  @Max(50)
  seats: number;

  @IsInstant()
  termStart: string;

  @IsInt()
  @Min(1)
  @Max(60)
  termMonths: number;
}

export class CandidacyScoreDto {
  @IsUUID()
  candidacyId: string;

  @IsInt()
  @Min(0)
  @Max(100)
  score: number;
}

export class GovernmentSeatDto {
  @IsString()
  @Length(2, 200)
  holder: string;

  @IsInstant()
  termStart: string;

  @IsInt()
  @Min(1)
  @Max(60)
  termMonths: number;
}

export class EndSeatDto {
  @IsString()
  @Length(5, 1000)
  reason: string;
}

export const PUBLICATION_KINDS = ['news', 'minutes', 'guide', 'document'] as const;

export class PublicationDto {
  @IsIn(PUBLICATION_KINDS as readonly string[] as string[])
  kind: string;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @NestedObject(() => LocalizedLongTextDto)
  body: LocalizedLongTextDto;

  @IsOptional()
  @NestedList(() => AttachmentDto, 20)
  attachments?: AttachmentDto[];
  /** The co-creation cycle it belongs to, if any: the cycle's followers are told when it is published. */
  @IsOptional()
  @IsUUID()
  cycleId?: string;
}
