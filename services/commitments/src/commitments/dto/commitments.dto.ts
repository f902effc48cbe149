import {
  CreateCommitmentDto,
  PageQueryDto,
  UpdateCommitmentDto,
  ManualLevelDto,
  OverrideLevelDto,
} from '@ogp/contracts';
import { IsUUID } from 'class-validator';

/** A new card, in its plan. */
export class PlanCommitmentDto extends CreateCommitmentDto {
  @IsUUID()
  planId: string;
}

export class UpdateCommitmentCmd extends UpdateCommitmentDto {
  @IsUUID()
  id: string;
}

export class HistoryQueryDto extends PageQueryDto {
  @IsUUID()
  id: string;
}

export class ManualLevelCmd extends ManualLevelDto {
  @IsUUID()
  commitmentId: string;
}

export class OverrideLevelCmd extends OverrideLevelDto {
  @IsUUID()
  commitmentId: string;
}
