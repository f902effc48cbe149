import { IsIn, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { IsOptional } from '../common/validation/is-optional.validator';
import { ALERT_KINDS } from './reporting.contract';

/** A page of alerts, of one programme and one kind when given. */
export class AlertsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @IsOptional()
  @IsIn(ALERT_KINDS as readonly string[] as string[])
  kind?: string;
}
