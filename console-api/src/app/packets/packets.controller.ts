import type { HostPacketsResponse } from '@nta/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { HostsService } from '../hosts/hosts.service';
import { PACKETS_QUERY_PIPE, type PacketsQueryDto } from './dto/packets-query.dto';
import { SamplesService } from './samples.service';

@Controller('api/hosts')
export class PacketsController {
  constructor(
    private readonly hosts: HostsService,
    private readonly samples: SamplesService,
  ) {}

  @Get(':id/packets')
  async packets(
    @Param('id') id: string,
    @Query(PACKETS_QUERY_PIPE) query: PacketsQueryDto,
  ): Promise<HostPacketsResponse> {
    await this.hosts.get(id);
    return {
      host: id,
      interface: query.interface ?? null,
      packets: this.samples.latest(id, query.limit, query.interface),
    };
  }
}
