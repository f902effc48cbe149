import { IsInt, Max, Min } from 'class-validator';
import { ReportIdDto } from './report-id.dto';

export class ReportChunkDto extends ReportIdDto {
  @IsInt()
  @Min(0)
  @Max(100000)
  index: number;
}
