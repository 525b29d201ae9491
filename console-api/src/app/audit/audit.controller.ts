import { Controller, Get, Query } from '@nestjs/common';
import { type AuditEntry, type Page, type PageQuery, pageQuerySchema } from '@nta/contracts';
import { Roles } from '../../common/decorators/roles.decorator';
import { SessionOnly } from '../../common/decorators/session-only.decorator';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { AuditService } from './audit.service';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @SessionOnly()
  list(
    @Query(new ZodValidationPipe(pageQuerySchema, 'query')) query: PageQuery,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
