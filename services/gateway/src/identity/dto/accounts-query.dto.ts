import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOptional } from '@ogp/contracts';
import { ROLES, Role } from '@ogp/auth';
import { PageQueryDto } from '../../http/page-query.dto';

export class AccountsQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as readonly string[] as string[])
  role?: Role;
}
