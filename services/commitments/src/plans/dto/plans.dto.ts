import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class DashboardQueryDto {
  @IsUUID()
  id: string;

  /** Computed now rather than shared from the last few seconds (the gateway's live progress after a report). */
  @IsOptional()
  @IsBoolean()
  fresh?: boolean;
}

export class ProgrammeIdDto {
  @IsUUID()
  programmeId: string;
}
