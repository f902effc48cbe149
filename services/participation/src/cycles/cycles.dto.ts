import { IsUUID } from 'class-validator';

/** A subject naming one record by id. */
export class IdDto {
  @IsUUID()
  id: string;
}

/** A subject naming one cycle. */
export class CycleRefDto {
  @IsUUID()
  cycleId: string;
}
