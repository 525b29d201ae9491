import type { DataSourceOptions } from 'typeorm';
import { UserEntity } from '../../app/auth/user.entity';
import { HostNameEntity } from '../../app/hosts/host-name.entity';
import { HostEntity } from '../../app/hosts/host.entity';
import { ReportEntity } from '../../app/hosts/report.entity';
import { SettingEntity } from '../../app/settings/setting.entity';
import { InitialSchema1732435200000 } from './migrations/1732435200000-initial-schema';
import { ReportAnalysis1795500000000 } from './migrations/1795500000000-report-analysis';

export const ENTITIES = [HostEntity, HostNameEntity, ReportEntity, SettingEntity, UserEntity];
export const MIGRATIONS = [InitialSchema1732435200000, ReportAnalysis1795500000000];

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
