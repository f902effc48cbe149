import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { NotificationMode, NotificationsRpc, PreferenceDto } from '@ogp/contracts';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @MessagePattern(NotificationsRpc.preferences.subject)
  get(@RpcActor() actor: Actor | null): Promise<Record<string, NotificationMode>> {
    return this.preferences.get(actor);
  }

  @MessagePattern(NotificationsRpc.setPreference.subject)
  set(@Payload() dto: PreferenceDto, @RpcActor() actor: Actor | null): Promise<Record<string, NotificationMode>> {
    return this.preferences.set(actor, dto.type, dto.mode);
  }
}
