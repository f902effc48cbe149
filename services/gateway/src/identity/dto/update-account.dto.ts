import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { IsOptional } from '@ogp/contracts';
import { ROLES, Role } from '@ogp/auth';
import { ScopeDto } from './scope.dto';
import { ScopesField } from './scopes-field.decorator';

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

  @ScopesField()
  scopes?: ScopeDto;
}
