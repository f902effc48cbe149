import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsOptional, LANGUAGES, Language } from '@ogp/contracts';
import { ROLES, Role } from '@ogp/auth';
import { NewPasswordField } from './new-password.decorator';
import { ScopeDto } from './scope.dto';
import { ScopesField } from './scopes-field.decorator';

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

  @ScopesField()
  scopes?: ScopeDto;

  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES as readonly string[] as string[])
  language?: Language;
}
