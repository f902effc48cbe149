import { IsBoolean, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsOptional } from '../common/validation/is-optional.validator';

/** What an idea says, whichever channel it came through. */
export class IdeaTextDto {
  @IsString()
  @Length(5, 200)
  title: string;

  @IsString()
  @Length(10, 5000)
  body: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  institution?: string;
}

export class SubmitIdeaDto extends IdeaTextDto {
  @IsUUID()
  cycleId: string;

  @IsUUID()
  themeId: string;

  /** The author's name is hidden from the public; the author still sees everything. */
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class WorkshopIdeaDto extends IdeaTextDto {
  @IsUUID()
  workshopId: string;
}

export const FATE_STEPS = ['screen', 'group', 'share', 'study', 'retain', 'not_retain', 'publish'] as const;

export class FateStepDto {
  @IsIn(FATE_STEPS as readonly string[] as string[])
  step: (typeof FATE_STEPS)[number];

  /** screen: accept or reject. */
  @IsOptional()
  @IsIn(['accept', 'reject'])
  decision?: 'accept' | 'reject';

  /** Rejection at screening: why. */
  @IsOptional()
  @IsIn(['not_open_government', 'not_precise'])
  rejectionReason?: 'not_open_government' | 'not_precise';

  /** Required for a rejection and for "not retained": published with the fate. */
  @IsOptional()
  @IsString()
  @Length(10, 2000)
  explanation?: string;

  /** group: the institution concerned. */
  @IsOptional()
  @IsString()
  @Length(2, 200)
  institution?: string;

  /** retain: the proposed commitment it went into. */
  @IsOptional()
  @IsUUID()
  draftCommitmentId?: string;
}

export class ReportIdeaDto {
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class HideIdeaDto {
  @IsString()
  @Length(3, 500)
  reason: string;
}
