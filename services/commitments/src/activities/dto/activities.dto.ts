import { AddActivityDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class AddActivityCmd extends AddActivityDto {
  @IsUUID()
  commitmentId: string;
}

export class ActivityRefDto {
  @IsUUID()
  commitmentId: string;

  @IsUUID()
  activityId: string;
}
