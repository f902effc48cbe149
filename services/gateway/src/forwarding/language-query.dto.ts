import { IsOptional, Language, LANGUAGES } from '@ogp/contracts';
import { IsIn } from 'class-validator';

/** ?lang= of the feeds: it wins over Accept-Language. */
export class LanguageQueryDto {
  /** The language of titles; else the Accept-Language header's; else Arabic. */
  @IsOptional()
  @IsIn(LANGUAGES as readonly string[] as string[])
  lang?: Language;
}
