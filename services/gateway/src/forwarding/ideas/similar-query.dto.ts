import { IsString, Length } from 'class-validator';

export class SimilarQueryDto {
  @IsString()
  @Length(1, 2000)
  text: string;
}
