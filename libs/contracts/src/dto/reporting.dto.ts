import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsOptional } from './validation/is-optional.validator';
import { REPORT_FORMATS, REPORT_KINDS, ReportFormat, ReportKind } from '../reporting.contract';

export class ReportRequestDto {
  @IsIn(REPORT_KINDS as readonly string[] as string[])
  kind: ReportKind;

  @IsIn(REPORT_FORMATS as readonly string[] as string[])
  format: ReportFormat;

  @IsOptional()
  @IsUUID()
  planId?: string;

  @IsOptional()
  @IsUUID()
  cycleId?: string;
}

/** A programme's alert settings; what is left out keeps its value. */
export class AlertSettingsDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(180)
  deadlineNoticeDays?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  escalationDays?: number;

  @IsOptional()
  @IsInt()
  @Min(7)
  @Max(366)
  reportingPeriodDays?: number;
}
