import { Body, Controller, Get, Headers, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { ErrorCode, pickLanguage } from '@ogp/contracts';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AuthRateLimitGuard } from '../access/auth-rate-limit.guard';
import { AuthService, TokenPair } from './auth.service';
import { CHECK_EMAIL_MESSAGE } from './check-email-message.constant';
import { LoginDto } from './dto/login.dto';
import { PasswordResetConfirmDto } from './dto/password-reset-confirm.dto';
import { PasswordResetRequestDto } from './dto/password-reset-request.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';
import { AuthenticatedActor } from './jwt.strategy';
import { LiveSessions } from './live-sessions';
import { LocalAuthGuard } from './local-auth.guard';
import { NoStore } from './no-store.decorator';
import { PasswordsService } from './passwords.service';
import { UserEntity } from './user.entity';
import { AccountView, UsersService } from './users.service';

/** The answer of registration and of a reset request: the same whether or not the address has an account. */
export interface CheckEmailAnswer {
  status: 'check_email';
  message: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly liveSessions: LiveSessions,
  ) {}

  /**
   * Citizens and civil-society organisations open their own accounts. Always 202 "check your
   * e-mail": a new address can log in at once, a taken one's owner is told someone tried.
   */
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(202)
  @NoStore()
  @ApiErrors(ErrorCode.PASSWORD_TOO_SHORT, ErrorCode.PASSWORD_TOO_COMMON, ErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA)
  @Post('register')
  async register(
    @Body() dto: RegisterDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CheckEmailAnswer> {
    await this.users.register({
      email: dto.email,
      password: dto.password,
      displayName: dto.displayName,
      roles: [dto.role],
      language: dto.language,
    });
    return { status: 'check_email', message: CHECK_EMAIL_MESSAGE.registration[pickLanguage(acceptLanguage)] };
  }

  @Public()
  @UseGuards(AuthRateLimitGuard, LocalAuthGuard)
  @HttpCode(200)
  @NoStore()
  @Post('login')
  login(@Req() request: { user: UserEntity }, @Body() _dto: LoginDto): Promise<TokenPair> {
    return this.auth.openSession(request.user);
  }

  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(200)
  @NoStore()
  @ApiErrors(ErrorCode.TOKEN_INVALID)
  @Post('refresh')
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Always 202, the same answer whether or not the address has an account. */
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(202)
  @NoStore()
  @Post('password-reset')
  async requestPasswordReset(
    @Body() dto: PasswordResetRequestDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CheckEmailAnswer> {
    await this.passwords.requestReset(dto.email);
    return { status: 'check_email', message: CHECK_EMAIL_MESSAGE.passwordReset[pickLanguage(acceptLanguage)] };
  }

  /** Sets the password with the e-mailed token (once); every session of the account ends. */
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(204)
  @NoStore()
  @ApiErrors(
    ErrorCode.PASSWORD_TOO_SHORT,
    ErrorCode.PASSWORD_TOO_COMMON,
    ErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA,
    ErrorCode.RESET_TOKEN_INVALID,
  )
  @Post('password-reset/confirm')
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    const userId = await this.passwords.confirmReset(dto.token, dto.password);
    this.liveSessions.revokedAllOf(userId);
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.ALL)
  @HttpCode(204)
  @Post('logout')
  async logout(@Req() request: { user: AuthenticatedActor }): Promise<void> {
    await this.auth.logout(request.user.sessionId);
    this.liveSessions.revoked(request.user.sessionId);
  }

  /** Kept for existing clients; `GET /me` is the same. */
  @ApiBearerAuth()
  @Roles(...RoleGroup.ALL)
  @NoStore()
  @Get('me')
  me(@Req() request: { user: AuthenticatedActor }): Promise<AccountView> {
    return this.users.get(request.user.id);
  }
}
