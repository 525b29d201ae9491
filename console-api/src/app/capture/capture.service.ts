import { Injectable } from '@nestjs/common';
import {
  type CaptureFilterRequest,
  type CaptureResponse,
  type CaptureStartRequest,
  type CaptureState,
  captureStateSchema,
  type CaptureSwitchRequest,
  interfaceInfoSchema,
  validate,
} from '@nta/contracts';
import { z } from 'zod';
import { DomainException } from '../../common/errors/domain.exception';
import { HostsService } from '../hosts/hosts.service';
import { type CommandRequest, CommandService } from './command.service';

/** Start/stop/switch/filter/list-interfaces on one agent, answered from its cmd-result. */
@Injectable()
export class CaptureService {
  constructor(
    private readonly commands: CommandService,
    private readonly hosts: HostsService,
  ) {}

  start(hostId: string, request: CaptureStartRequest = {}): Promise<CaptureResponse> {
    return this.run(hostId, { ...request, type: 'start' });
  }

  stop(hostId: string, iface?: string): Promise<CaptureResponse> {
    return this.run(hostId, { interface: iface, type: 'stop' });
  }

  switch(hostId: string, request: CaptureSwitchRequest): Promise<CaptureResponse> {
    return this.run(hostId, { ...request, type: 'switch' });
  }

  setFilter(hostId: string, request: CaptureFilterRequest): Promise<CaptureResponse> {
    return this.run(hostId, { ...request, type: 'set-filter' });
  }

  async refreshInterfaces(hostId: string): Promise<CaptureResponse> {
    const host = await this.onlineHost(hostId);
    const result = await this.commands.send(hostId, { type: 'list-interfaces' });
    const interfaces = validate(
      z.array(interfaceInfoSchema),
      result.data,
      `${hostId} cmd-result data`,
    );
    if (result.ok && interfaces.ok) {
      await this.hosts.saveInterfaces(hostId, interfaces.value, new Date(result.ts || Date.now()));
    }
    const error = result.error ?? (result.ok && !interfaces.ok ? interfaces.error : null);
    return { capture: host.capture, error, host: hostId, ok: result.ok && interfaces.ok };
  }

  private async run(hostId: string, request: CommandRequest): Promise<CaptureResponse> {
    const host = await this.onlineHost(hostId);
    const result = await this.commands.send(hostId, request);
    const state = validate(captureStateSchema, result.data, `${hostId} cmd-result data`);
    let capture: CaptureState | null = host.capture;
    if (state.ok) {
      capture = state.value;
      // The agent republishes its status too; storing now keeps an immediate GET consistent.
      await this.hosts.saveCapture(hostId, capture);
    }
    return { capture, error: result.error, host: hostId, ok: result.ok };
  }

  private async onlineHost(hostId: string) {
    const host = await this.hosts.get(hostId);
    if (!host.online) {
      throw new DomainException('AGENT_OFFLINE', `agent "${hostId}" is offline`);
    }
    return host;
  }
}
