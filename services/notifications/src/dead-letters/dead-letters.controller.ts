import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { NotificationsRpc, Page, PageQueryDto } from '@ogp/contracts';
import { DeadLetter } from './dead-letter';
import { DeadLetterRefDto } from './dead-letter-ref.dto';
import { DeadLettersService } from './dead-letters.service';

@Controller()
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @MessagePattern(NotificationsRpc.deadLetters.subject)
  list(@Payload() dto: PageQueryDto, @RpcActor() actor: Actor | null): Promise<Page<DeadLetter>> {
    return this.deadLetters.list(actor, dto);
  }

  @MessagePattern(NotificationsRpc.retryDeadLetter.subject)
  retry(@Payload() dto: DeadLetterRefDto, @RpcActor() actor: Actor | null): Promise<{ id: string; status: 'pending' }> {
    return this.deadLetters.retry(actor, dto.id);
  }
}
