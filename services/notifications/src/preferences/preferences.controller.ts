import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { NotificationMode, NotificationsRpc2 } from '@ogp/contracts';
import { PreferenceDto } from './preference.dto';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @MessagePattern(NotificationsRpc2.preferences.subject)
  get(@RpcActor() actor: Actor | null): Promise<Record<string, NotificationMode>> {
    return this.preferences.get(actor);
  }

  @MessagePattern(NotificationsRpc2.setPreference.subject)
  set(@Payload() dto: PreferenceDto, @RpcActor() actor: Actor | null): Promise<Record<string, NotificationMode>> {
    return this.preferences.set(actor, dto.type, dto.mode);
  }
}
