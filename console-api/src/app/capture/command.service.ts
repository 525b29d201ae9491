import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type AgentCommand, agentTopic, type CommandResult } from '@nta/contracts';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../common/errors/domain.exception';
import { BrokerService } from '../../infra/broker/broker.service';

export const COMMAND_TIMEOUT_MS = 5000;

// Every command variant without its id: the service assigns a fresh one.
export type CommandRequest = AgentCommand extends infer C
  ? C extends AgentCommand
    ? Omit<C, 'id'>
    : never
  : never;

interface Pending {
  agentId: string;
  resolve: (result: CommandResult) => void;
  timer: NodeJS.Timeout;
}

/** Sends a command on an agent's cmd topic and pairs it with its cmd-result by id. */
@Injectable()
export class CommandService implements OnApplicationShutdown {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly broker: Pick<BrokerService, 'publish'>) {}

  get inFlight(): number {
    return this.pending.size;
  }

  async send(
    agentId: string,
    request: CommandRequest,
    timeoutMs = COMMAND_TIMEOUT_MS,
  ): Promise<CommandResult> {
    const command = { ...request, id: randomUUID() } as AgentCommand;
    const answer = new Promise<CommandResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(command.id);
        reject(
          new DomainException(
            'AGENT_TIMEOUT',
            `agent "${agentId}" did not answer the ${command.type} command within ${timeoutMs / 1000} s`,
          ),
        );
      }, timeoutMs);
      this.pending.set(command.id, { agentId, resolve, timer });
    });
    try {
      await this.broker.publish(agentTopic(agentId, 'cmd'), command);
    } catch (error) {
      this.forget(command.id);
      throw error;
    }
    return answer;
  }

  /** Called by ingest for each valid cmd-result; false when nobody waits for it. */
  settle(result: CommandResult): boolean {
    const pending = this.pending.get(result.id);
    // A result from another agent must not answer this command.
    if (!pending || pending.agentId !== result.agentId) return false;
    this.forget(result.id);
    pending.resolve(result);
    return true;
  }

  onApplicationShutdown(): void {
    for (const id of [...this.pending.keys()]) this.forget(id);
  }

  private forget(id: string): void {
    const pending = this.pending.get(id);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(id);
  }
}
