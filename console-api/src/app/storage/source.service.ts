import { Inject, Injectable } from '@nestjs/common';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import type { Resolution } from '../../infra/config/storage-config';
import { levelForRange, planSeries, type SeriesPlan, sourceSql } from './resolution';
import { RollupStateService } from './rollup-state.service';

export interface Source {
  level: Resolution;
  // A parenthesised subquery to put after FROM (alias it).
  sql: string;
}

/** Where queries read: the resolution for a range or a series, as SQL. */
@Injectable()
export class SourceService {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly state: RollupStateService,
  ) {}

  /** Analysis of [from, …]: the finest resolution that still holds `from`. */
  forRange(from: number, now = Date.now()): Source {
    const level = levelForRange(from, now, this.config.storage.retention);
    return { level, sql: this.sql(level) };
  }

  forSeries(from: number, to: number, step?: number, now = Date.now()): Source & SeriesPlan {
    const plan = planSeries(from, to, step, now, this.config.storage.retention);
    return { ...plan, sql: this.sql(plan.level) };
  }

  private sql(level: Resolution): string {
    return sourceSql(level, {
      '1h': this.state.mark('1h').rolledUntil,
      '1m': this.state.mark('1m').rolledUntil,
    });
  }
}
