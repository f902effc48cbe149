import { IsUUID } from 'class-validator';

export class DeadLetterRefDto {
  @IsUUID()
  id: string;
}
