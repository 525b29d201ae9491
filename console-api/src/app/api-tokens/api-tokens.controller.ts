import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import {
  type ApiTokenSummary,
  type CreateApiTokenRequest,
  type CreatedApiToken,
  createApiTokenSchema,
  type Page,
  type PageQuery,
  pageQuerySchema,
} from '@nta/contracts';
import {
  type AuthenticatedUser,
  CurrentUser,
} from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { SessionOnly } from '../../common/decorators/session-only.decorator';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { ApiTokensService } from './api-tokens.service';

@Controller('api/api-tokens')
@Roles('admin')
@SessionOnly()
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @Body(new ZodValidationPipe(createApiTokenSchema, 'body')) body: CreateApiTokenRequest,
  ): Promise<CreatedApiToken> {
    return this.tokens.create(actor, body);
  }

  @Get()
  list(
    @Query(new ZodValidationPipe(pageQuerySchema, 'query')) query: PageQuery,
  ): Promise<Page<ApiTokenSummary>> {
    return this.tokens.list(query);
  }

  @Delete(':id')
  revoke(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<ApiTokenSummary> {
    return this.tokens.revoke(actor, id);
  }
}
