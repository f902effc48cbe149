import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { IsOptional } from '@ogp/contracts';
import { ROLES, Role } from '@ogp/auth';
import { ScopeDto } from './create-account.dto';

export class UpdateAccountDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiProperty({ required: false, enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(ROLES as readonly string[] as string[], { each: true })
  roles?: Role[];

  @ApiProperty({ type: ScopeDto, required: false })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scopes?: ScopeDto;
}
