import { FOLLOW_TARGETS, FollowTarget } from '@ogp/contracts';
import { IsIn, IsUUID } from 'class-validator';

export class FollowTargetDto {
  @IsIn(FOLLOW_TARGETS as readonly string[] as string[])
  kind: FollowTarget;

  @IsUUID()
  id: string;
}
