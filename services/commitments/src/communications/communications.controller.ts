import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { CommunicationsService } from './communications.service';
import { CommitmentIdDto, CommunicationCmd } from './dto/communications.dto';

@Controller()
export class CommunicationsController {
  constructor(private readonly communications: CommunicationsService) {}

  @MessagePattern(CommitmentsRpc.addCommunication.subject)
  add(@Payload() dto: CommunicationCmd, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    const { commitmentId, ...communication } = dto;
    return this.communications.add(actor, commitmentId, communication, key);
  }

  @MessagePattern(CommitmentsRpc.listCommunications.subject)
  list(@Payload() dto: CommitmentIdDto) {
    return this.communications.list(dto.commitmentId);
  }
}
