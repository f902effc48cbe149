import { IsString, Length } from 'class-validator';
import { IsOptional } from './validation/is-optional.validator';

/** Text in Arabic (required: the first language of the people who use this), French and English. */
export class LocalizedTextDto {
  @IsString()
  @Length(1, 300)
  ar: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  fr?: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  en?: string;
}

export class LocalizedLongTextDto {
  @IsString()
  @Length(1, 10000)
  ar: string;

  @IsOptional()
  @IsString()
  @Length(1, 10000)
  fr?: string;

  @IsOptional()
  @IsString()
  @Length(1, 10000)
  en?: string;
}
