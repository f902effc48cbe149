import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { ErrorCode, Page } from '@ogp/contracts';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AccountsQueryDto } from './dto/accounts-query.dto';
import { CreateAccountDto } from './dto/create-account.dto';
import { UpdateAccountDto } from './dto/update-account.dto';
import { AuthenticatedActor } from './jwt.strategy';
import { LiveSessions } from './live-sessions';
import { NoStore } from './no-store.decorator';
import { AccountView, UsersService } from './users.service';

/**
 * The coordination team manages staff accounts (project managers, committee members,
 * coordinators) and sees no other; the admin sees every account, each read of a citizen's or
 * CSO's recorded in the audit trail.
 */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly users: UsersService,
    private readonly liveSessions: LiveSessions,
  ) {}

  @Roles(...RoleGroup.COORDINATION)
  @NoStore()
  @ApiErrors(
    ErrorCode.PASSWORD_TOO_SHORT,
    ErrorCode.PASSWORD_TOO_COMMON,
    ErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA,
    ErrorCode.ALREADY_EXISTS,
  )
  @Post()
  create(@Req() request: { user: AuthenticatedActor }, @Body() dto: CreateAccountDto): Promise<AccountView> {
    return this.users.createByStaff(request.user, {
      email: dto.email,
      password: dto.password,
      displayName: dto.displayName,
      roles: dto.roles,
      scopes: dto.scopes ? { institutions: dto.scopes.institutions, programmes: dto.scopes.programmes } : undefined,
      language: dto.language,
    });
  }

  @Roles(...RoleGroup.COORDINATION)
  @NoStore()
  @Get()
  list(@Req() request: { user: AuthenticatedActor }, @Query() query: AccountsQueryDto): Promise<Page<AccountView>> {
    return this.users.list(request.user, query);
  }

  @Roles(...RoleGroup.COORDINATION)
  @NoStore()
  @Get(':id')
  read(
    @Req() request: { user: AuthenticatedActor },
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<AccountView> {
    return this.users.read(request.user, id);
  }

  /** Roles, scopes, name; a change of roles or scopes ends the account's sessions. */
  @Roles(...RoleGroup.COORDINATION)
  @NoStore()
  @ApiErrors(ErrorCode.CONFLICT)
  @Patch(':id')
  async update(
    @Req() request: { user: AuthenticatedActor },
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountView> {
    const account = await this.users.update(request.user, id, {
      displayName: dto.displayName,
      roles: dto.roles,
      scopes: dto.scopes ? { institutions: dto.scopes.institutions, programmes: dto.scopes.programmes } : undefined,
    });
    // Revoked sessions stop at once, here and on every other replica (LiveSessions tells them over NATS).
    if (dto.roles || dto.scopes) this.liveSessions.revokedAllOf(id);
    return account;
  }

  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @NoStore()
  @ApiErrors(ErrorCode.CONFLICT)
  @Post(':id/deactivate')
  async deactivate(
    @Req() request: { user: AuthenticatedActor },
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<AccountView> {
    const account = await this.users.deactivate(request.user, id);
    this.liveSessions.revokedAllOf(id);
    return account;
  }

  /** Lets a deactivated account log in again; the sessions ended by the deactivation stay ended. */
  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @NoStore()
  @Post(':id/reactivate')
  async reactivate(
    @Req() request: { user: AuthenticatedActor },
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<AccountView> {
    return this.users.reactivate(request.user, id);
  }
}
