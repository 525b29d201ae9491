import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../infra/database/database.service';

/** Which hosts a group holds (hosts."group", set through PATCH /api/hosts/:id). */
@Injectable()
export class HostGroups {
  constructor(private readonly database: DatabaseService) {}

  async hostIds(group: string): Promise<string[]> {
    const rows = await this.database.source.query<{ id: string }[]>(
      `SELECT id FROM hosts WHERE "group" = $1 ORDER BY id`,
      [group],
    );
    return rows.map((r) => r.id);
  }
}
