import { SetWeightsDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class SetWeightsCmd extends SetWeightsDto {
  @IsUUID()
  commitmentId: string;
}
