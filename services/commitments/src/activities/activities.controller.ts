import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { ActivitiesService } from './activities.service';
import { ActivityRefDto, AddActivityCmd } from './dto/activities.dto';

@Controller()
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @MessagePattern(CommitmentsRpc.addActivity.subject)
  add(@Payload() dto: AddActivityCmd, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    const { commitmentId, ...activity } = dto;
    return this.activities.add(actor, commitmentId, activity, key);
  }

  @MessagePattern(CommitmentsRpc.removeActivity.subject)
  remove(@Payload() dto: ActivityRefDto, @RpcActor() actor: Actor | null) {
    return this.activities.remove(actor, dto.commitmentId, dto.activityId);
  }
}
