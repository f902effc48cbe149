import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ogp/auth';
import { Page } from '@ogp/contracts';
import { AuditEntry, AuditTrailRepository } from './audit-trail.repository';
import { AuditTrailQueryDto } from './dto/audit-trail-query.dto';
import { NoStore } from './no-store.decorator';

/** The admin reads who changed which account and who read whose personal data, newest first. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('admin/audit-trail')
export class AuditTrailController {
  constructor(private readonly audit: AuditTrailRepository) {}

  @Roles('admin')
  @NoStore()
  @Get()
  list(@Query() query: AuditTrailQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
