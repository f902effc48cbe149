import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { ParticipationRpc, PublicationDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { IdDto } from '../cycles/cycles.dto';
import { PublicationListDto } from './publications.dto';
import { PublicationsService } from './publications.service';

@Controller()
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @MessagePattern(ParticipationRpc.createPublication.subject)
  create(@Payload() dto: PublicationDto, @RpcActor() actor: Actor | null, @RpcIdempotencyKey() key: string | null) {
    return this.publications.create(actor, dto, key);
  }
  @MessagePattern(ParticipationRpc.publish.subject)
  publish(@Payload() dto: IdDto, @RpcActor() actor: Actor | null) {
    return this.publications.publish(actor, dto.id);
  }
  @MessagePattern(ParticipationRpc.listPublications.subject)
  list(@Payload() dto: PublicationListDto, @RpcActor() actor: Actor | null) {
    return this.publications.list(actor, dto);
  }
}
