import { ALERT_KINDS, IsOptional } from '@ogp/contracts';
import { IsIn, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class AlertsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @IsOptional()
  @IsIn(ALERT_KINDS as readonly string[] as string[])
  kind?: string;
}
