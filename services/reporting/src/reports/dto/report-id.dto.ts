import { IsUUID } from 'class-validator';

export class ReportIdDto {
  @IsUUID()
  id: string;
}
