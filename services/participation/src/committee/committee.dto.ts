import { EndSeatDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class EndSeatCommandDto extends EndSeatDto {
  @IsUUID()
  seatId: string;
}
