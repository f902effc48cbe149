import { AttendanceDto, RankProblemsDto, WorkshopOutputsDto } from '@ogp/contracts';
import { IsString, IsUUID, Length } from 'class-validator';

export class WorkshopRefDto {
  @IsUUID()
  workshopId: string;
}

export class CancelRegistrationDto {
  @IsUUID()
  workshopId: string;

  @IsString()
  @Length(6, 20)
  code: string;
}

export class AttendanceCommandDto extends AttendanceDto {
  @IsUUID()
  workshopId: string;
}

export class RankProblemsCommandDto extends RankProblemsDto {
  @IsUUID()
  workshopId: string;
}

export class WorkshopOutputsCommandDto extends WorkshopOutputsDto {
  @IsUUID()
  workshopId: string;
}
