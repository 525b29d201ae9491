import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type AlertEvent,
  alertEventsQuerySchema,
  type AlertRule,
  createAlertRuleSchema,
  type Page,
  type PageQuery,
  pageQuerySchema,
  updateAlertRuleSchema,
} from '@nta/contracts';
import { ApiZodBody, ApiZodQuery } from '../../common/decorators/api-zod.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { Audited } from '../audit/audited.decorator';
import { PAGE_QUERY_PIPE } from '../../common/pipes/page-query.pipe';
import { AlertsService } from './alerts.service';
import {
  ALERT_EVENTS_QUERY_PIPE,
  type AlertEventsQueryDto,
  CREATE_ALERT_RULE_PIPE,
  type CreateAlertRuleDto,
  RULE_ID_PIPE,
  UPDATE_ALERT_RULE_PIPE,
  type UpdateAlertRuleDto,
} from './dto/alert-rule.dto';

@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('rules')
  @ApiZodQuery(pageQuerySchema)
  rules(@Query(PAGE_QUERY_PIPE) query: PageQuery): Promise<Page<AlertRule>> {
    return this.alerts.rules(query);
  }

  @Post('rules')
  @Audited('alert-rule.create', () => null)
  @Roles('admin')
  @ApiZodBody(createAlertRuleSchema)
  create(@Body(CREATE_ALERT_RULE_PIPE) body: CreateAlertRuleDto): Promise<AlertRule> {
    return this.alerts.create(body);
  }

  @Patch('rules/:id')
  @Audited('alert-rule.update')
  @Roles('admin')
  @ApiZodBody(updateAlertRuleSchema)
  update(
    @Param('id', RULE_ID_PIPE) id: string,
    @Body(UPDATE_ALERT_RULE_PIPE) body: UpdateAlertRuleDto,
  ): Promise<AlertRule> {
    return this.alerts.update(id, body);
  }

  @Delete('rules/:id')
  @Audited('alert-rule.delete')
  @HttpCode(204)
  @Roles('admin')
  remove(@Param('id', RULE_ID_PIPE) id: string): Promise<void> {
    return this.alerts.remove(id);
  }

  @Get('events')
  @ApiZodQuery(alertEventsQuerySchema)
  events(@Query(ALERT_EVENTS_QUERY_PIPE) query: AlertEventsQueryDto): Promise<Page<AlertEvent>> {
    return this.alerts.events(query);
  }
}
