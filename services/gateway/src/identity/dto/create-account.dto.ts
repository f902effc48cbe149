import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsOptional, LANGUAGES, Language } from '@ogp/contracts';
import { ROLES, Role } from '@ogp/auth';
import { NewPasswordField } from './new-password.decorator';

export class ScopeDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  institutions: string[] = [];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  programmes: string[] = [];
}

export class CreateAccountDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @NewPasswordField()
  password: string;

  @ApiProperty()
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(ROLES as readonly string[] as string[], { each: true })
  roles: Role[];

  @ApiProperty({ type: ScopeDto, required: false })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scopes?: ScopeDto;

  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES as readonly string[] as string[])
  language?: Language;
}
