import { NestedObject } from '../common/validation/nested.validator';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_NOTICE_MAX_DAYS, SetProgrammeSettingsCommand } from '../commitments/commitments.contract';
import { IsOptional } from '../common/validation/is-optional.validator';
import { REPORT_FORMATS, REPORT_KINDS, ReportFormat, ReportKind } from './reporting.contract';
import { Language, LANGUAGES } from '../common/language.constant';

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

  /** The report's language (headers, words, direction); Arabic when not named. */
  @IsOptional()
  @IsIn(LANGUAGES as readonly string[] as string[])
  language?: Language;
}

/** A programme's schedule settings (alerts, reporting period, time zone); what is left out keeps its value. */
export class AlertSettingsDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(DEADLINE_NOTICE_MAX_DAYS)
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

  /** IANA name; "today", overdue and late follow it. The commitments service also checks Postgres knows it. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, {
    message: 'timeZone must be an IANA time zone such as Africa/Casablanca',
  })
  timeZone?: string;
}

/** The command the commitments service receives: the body stays an object of its own, so null or an array is refused. */
export class SetProgrammeSettingsDto implements SetProgrammeSettingsCommand {
  @IsUUID()
  programmeId: string;

  @NestedObject(() => AlertSettingsDto)
  settings: AlertSettingsDto;
}
