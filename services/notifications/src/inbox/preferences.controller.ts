import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { NOTIFICATION_MODES, NotificationMode, NotificationsRpc2, PageQueryDto } from '@ogp/contracts';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { DigestService } from '../email/digest.service';
import { PreferencesService } from '../preferences/preferences.service';

class PreferenceDto {
  @IsString()
  @Length(3, 100)
  type: string;

  @IsIn(NOTIFICATION_MODES as readonly string[] as string[])
  mode: NotificationMode;
}

class DeadLetterRef {
  @IsUUID()
  id: string;
}

@Controller()
export class PreferencesController {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly digests: DigestService,
  ) {}

  @MessagePattern(NotificationsRpc2.preferences.subject)
  get(@RpcActor() actor: Actor | null) {
    return this.preferences.get(actor);
  }

  @MessagePattern(NotificationsRpc2.setPreference.subject)
  set(@Payload() dto: PreferenceDto, @RpcActor() actor: Actor | null) {
    return this.preferences.set(actor, dto.type, dto.mode);
  }

  /** Sent by the reporting service's daily schedule. */
  @MessagePattern(NotificationsRpc2.sendDigests.subject)
  send() {
    return this.digests.sendDigests();
  }

  @MessagePattern(NotificationsRpc2.deadLetters.subject)
  deadLetters(@Payload() dto: PageQueryDto, @RpcActor() actor: Actor | null) {
    return this.digests.deadLetters(actor, dto);
  }

  @MessagePattern(NotificationsRpc2.retryDeadLetter.subject)
  retryDeadLetter(@Payload() dto: DeadLetterRef, @RpcActor() actor: Actor | null) {
    return this.digests.retryDeadLetter(actor, dto.id);
  }
}
