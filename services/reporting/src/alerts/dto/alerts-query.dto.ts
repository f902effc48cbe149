import { ALERT_KINDS, IsOptional, PageQueryDto } from '@ogp/contracts';
import { IsIn, IsUUID } from 'class-validator';

export class AlertsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @IsOptional()
  @IsIn(ALERT_KINDS as readonly string[] as string[])
  kind?: string;
}
