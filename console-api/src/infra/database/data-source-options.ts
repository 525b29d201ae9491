import type { DataSourceOptions } from 'typeorm';
import { AgentCredentialEntity } from '../../app/agents/agent-credential.entity';
import { AlertEventEntity } from '../../app/alerts/alert-event.entity';
import { AlertRuleEntity } from '../../app/alerts/alert-rule.entity';
import { ApiTokenEntity } from '../../app/api-tokens/api-token.entity';
import { AuditEntryEntity } from '../../app/audit/audit-entry.entity';
import { SessionEntity } from '../../app/auth/session.entity';
import { UserEntity } from '../../app/auth/user.entity';
import { EnrolmentTokenEntity } from '../../app/enrolment/enrolment-token.entity';
import { HostNameEntity } from '../../app/hosts/host-name.entity';
import { HostEntity } from '../../app/hosts/host.entity';
import { ReportEntity } from '../../app/hosts/report.entity';
import { SettingEntity } from '../../app/settings/setting.entity';
import { InitialSchema1732435200000 } from './migrations/1732435200000-initial-schema';
import { ReportAnalysis1795500000000 } from './migrations/1795500000000-report-analysis';
import { Accounts1796100000000 } from './migrations/1796100000000-accounts';
import { Enrolment1796200000000 } from './migrations/1796200000000-enrolment';
import { ReportStorage1796300000000 } from './migrations/1796300000000-report-storage';
import { ReportCompression1796300000001 } from './migrations/1796300000001-report-compression';
import { HostLabelsAndAlerts1796400000000 } from './migrations/1796400000000-host-labels-and-alerts';
import { ReportJsonText1796500000000 } from './migrations/1796500000000-report-json-text';

export const ENTITIES = [
  AgentCredentialEntity,
  AlertEventEntity,
  AlertRuleEntity,
  ApiTokenEntity,
  AuditEntryEntity,
  EnrolmentTokenEntity,
  HostEntity,
  HostNameEntity,
  ReportEntity,
  SessionEntity,
  SettingEntity,
  UserEntity,
];
export const MIGRATIONS = [
  InitialSchema1732435200000,
  ReportAnalysis1795500000000,
  Accounts1796100000000,
  Enrolment1796200000000,
  ReportStorage1796300000000,
  ReportCompression1796300000001,
  HostLabelsAndAlerts1796400000000,
  ReportJsonText1796500000000,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    connectTimeoutMS: 5000,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    type: 'postgres',
    url,
  };
}
