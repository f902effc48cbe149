import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { ErrorCode } from '@ogp/contracts';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AuthRateLimitGuard } from '../access/auth-rate-limit.guard';
import { ChangePasswordDto } from './dto/change-password.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { AuthenticatedActor } from './jwt.strategy';
import { LiveSessions } from './live-sessions';
import { NoStore } from './no-store.decorator';
import { PasswordsService } from './passwords.service';
import { AccountView, UsersService } from './users.service';

/** A person's own account: name, language, password. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly liveSessions: LiveSessions,
  ) {}

  @Roles(...RoleGroup.ALL)
  @NoStore()
  @Get()
  me(@Req() request: { user: AuthenticatedActor }): Promise<AccountView> {
    return this.users.get(request.user.id);
  }

  /** The language applies to e-mails at once and to the access token from the next refresh. */
  @Roles(...RoleGroup.ALL)
  @NoStore()
  @Patch()
  update(@Req() request: { user: AuthenticatedActor }, @Body() dto: UpdateProfileDto): Promise<AccountView> {
    return this.users.updateProfile(request.user.id, { displayName: dto.displayName, language: dto.language });
  }

  /** Needs the current password; the other sessions end, this one stays. */
  @Roles(...RoleGroup.ALL)
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(204)
  @ApiErrors(
    ErrorCode.PASSWORD_TOO_SHORT,
    ErrorCode.PASSWORD_TOO_COMMON,
    ErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA,
    ErrorCode.CURRENT_PASSWORD_INVALID,
  )
  @Post('password')
  async changePassword(@Req() request: { user: AuthenticatedActor }, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(request.user.id, request.user.sessionId, dto.currentPassword, dto.newPassword);
    this.liveSessions.revokedAllOf(request.user.id, request.user.sessionId);
  }
}
