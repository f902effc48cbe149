import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@ogp/auth';
import { ALL_ROLES } from '../access/all-roles.constant';
import { AuthRateLimitGuard } from '../access/auth-rate-limit.guard';
import { AuthService, TokenPair } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';
import { AuthenticatedActor, JwtStrategy } from './jwt.strategy';
import { LocalAuthGuard } from './local-auth.guard';
import { NoStore } from './no-store.decorator';
import { UserEntity } from './user.entity';
import { AccountView, UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly jwt: JwtStrategy,
  ) {}

  /** Citizens and civil-society organisations open their own accounts. */
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @NoStore()
  @Post('register')
  register(@Body() dto: RegisterDto): Promise<AccountView> {
    return this.users.register({ email: dto.email, password: dto.password, displayName: dto.displayName, roles: [dto.role], language: dto.language });
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
  @Post('refresh')
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @HttpCode(204)
  @Post('logout')
  async logout(@Req() request: { user: AuthenticatedActor }): Promise<void> {
    await this.auth.logout(request.user.sessionId);
    this.jwt.forget(request.user.sessionId);
  }

  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @NoStore()
  @Get('me')
  me(@Req() request: { user: AuthenticatedActor }): Promise<AccountView> {
    return this.users.get(request.user.id);
  }
}
