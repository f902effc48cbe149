import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** A page of a snapshot for a reader rebuilding its copy: the rows after an id, in id order. */
export class SnapshotPageDto {
  @IsOptional()
  @IsUUID()
  after?: string;

  @IsInt()
  @Min(1)
  @Max(500)
  limit: number;
}
