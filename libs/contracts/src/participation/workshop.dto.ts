import { NestedObject, NestedList } from '../common/validation/nested.validator';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../common/validation/is-instant.validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { LocalizedTextDto } from '../common/localized-text.dto';

export class AgendaItemDto {
  @IsString()
  @Length(1, 300)
  item: string;

  @IsInt()
  @Min(1)
  @Max(600)
  minutes: number;
}

export class CreateWorkshopDto {
  @IsUUID()
  cycleId: string;

  @IsUUID()
  themeId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsString()
  @Length(2, 200)
  organiser: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  institutions: string[];

  @IsInstant()
  startsAt: string;

  @IsInstant()
  registrationOpensAt: string;

  @IsInstant()
  registrationClosesAt: string;

  @IsInt()
  @Min(1)
  @Max(100000)
  capacity: number;

  @IsOptional()
  @NestedList(() => AgendaItemDto, 30)
  agenda?: AgendaItemDto[];
}

export class AttendanceDto {
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Length(6, 20, { each: true })
  presentCodes: string[];
}

export class ProblemDto {
  @IsString()
  @Length(3, 300)
  title: string;

  @IsInt()
  @Min(1)
  @Max(100)
  priority: number;
}

export class RankProblemsDto {
  @NestedList(() => ProblemDto, 50)
  problems: ProblemDto[];
}

export class WorkshopOutputsDto {
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  reportUrl?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  recordingUrl?: string;
}
