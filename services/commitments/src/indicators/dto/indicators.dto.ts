import { IndicatorValueDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class IndicatorValueCmd extends IndicatorValueDto {
  @IsUUID()
  commitmentId: string;
}
