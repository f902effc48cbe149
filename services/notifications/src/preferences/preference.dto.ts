import { NOTIFICATION_MODES, NotificationMode } from '@ogp/contracts';
import { IsIn, IsString, Length } from 'class-validator';

export class PreferenceDto {
  @IsString()
  @Length(3, 100)
  type: string;

  @IsIn(NOTIFICATION_MODES as readonly string[] as string[])
  mode: NotificationMode;
}
