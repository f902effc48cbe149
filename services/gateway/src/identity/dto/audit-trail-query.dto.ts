import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsInstant, IsOptional } from '@ogp/contracts';
import { PageQueryDto } from '../../http/page-query.dto';
import { AUDIT_ACTIONS } from '../audit-action.constant';

export class AuditTrailQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS as readonly string[] as string[])
  action?: string;

  @ApiProperty({ required: false, description: 'Who acted.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiProperty({ required: false, description: 'The account acted on or read.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiProperty({ required: false, description: 'From this instant (inclusive), ISO 8601.' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiProperty({ required: false, description: 'Until this instant (exclusive), ISO 8601.' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
