import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { NoStore } from '../identity/no-store.decorator';
import { CalendarFeedsService, CalendarFeedView } from './calendar-feeds.service';

type Authed = { user: AuthenticatedActor };

/** A person's private calendar feed link: see it, issue a new one (the old stops working), revoke it. */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Roles(...RoleGroup.ALL)
  @NoStore()
  @Get()
  status(@Req() req: Authed): Promise<CalendarFeedView> {
    return this.feeds.status(req.user.id);
  }

  /** Creates the feed, or rotates it: the previous link answers 404 from now on. */
  @Roles(...RoleGroup.ALL)
  @NoStore()
  @Post()
  issue(@Req() req: Authed): Promise<CalendarFeedView> {
    return this.feeds.issue(req.user.id);
  }

  @Roles(...RoleGroup.ALL)
  @HttpCode(204)
  @Delete()
  async revoke(@Req() req: Authed): Promise<void> {
    await this.feeds.revoke(req.user.id);
  }
}
