import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { NotificationsRpc } from '@ogp/contracts';
import { DigestsService } from './digests.service';

@Controller()
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  /** Sent by the reporting service's daily schedule. */
  @MessagePattern(NotificationsRpc.sendDigests.subject)
  send(): Promise<{ digests: number }> {
    return this.digests.sendDigests();
  }
}
