import { IsIn, IsString, Length } from 'class-validator';
import { NOTIFICATION_MODES, NotificationMode } from './notifications.contract';

/** One notification preference: a notification type and how its person wants it. */
export class PreferenceDto {
  @IsString()
  @Length(3, 100)
  type: string;

  @IsIn(NOTIFICATION_MODES as readonly string[] as string[])
  mode: NotificationMode;
}
