import { PageQueryDto, ReportProgressDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class ReportProgressCmd extends ReportProgressDto {
  @IsUUID()
  commitmentId: string;
}

export class ReportsQueryDto extends PageQueryDto {
  @IsUUID()
  commitmentId: string;
}
