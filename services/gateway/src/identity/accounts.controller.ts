import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ogp/auth';
import { Page } from '@ogp/contracts';
import { STAFF_ROLES } from '../access/all-roles.constant';
import { AccountsQueryDto } from './dto/accounts-query.dto';
import { CreateAccountDto } from './dto/create-account.dto';
import { AuthenticatedActor } from './jwt.strategy';
import { AccountView, UsersService } from './users.service';

/** The coordination team manages the accounts of committee members and project managers. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly users: UsersService) {}

  @Roles(...STAFF_ROLES)
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

  @Roles(...STAFF_ROLES)
  @Get()
  list(@Query() query: AccountsQueryDto): Promise<Page<AccountView>> {
    return this.users.list(query);
  }

  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @Post(':id/deactivate')
  deactivate(@Req() request: { user: AuthenticatedActor }, @Param('id', new ParseUUIDPipe()) id: string): Promise<AccountView> {
    return this.users.deactivate(request.user, id);
  }
}
