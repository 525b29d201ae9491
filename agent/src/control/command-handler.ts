import {
  type AgentCommand,
  agentCommandSchema,
  agentTopic,
  type CaptureState,
  type CommandResult,
  type InterfaceInfo,
  validateJson,
} from '@nta/contracts';
import { errorMessage, type Logger } from '../common/logger';
import type { CaptureControl } from '../capture/capture-control';
import { CaptureError } from '../capture/capture-error';
import { commandResult } from '../publish/payloads';

export interface ChoiceStore {
  saveChoice(choice: { filter: string | null; interface: string | null }): void;
}

export interface CommandHandlerDeps {
  agentId: string;
  capture: CaptureControl;
  choices: ChoiceStore;
  listInterfaces: () => InterfaceInfo[];
  log: Logger;
  publishInterfaces: (interfaces: InterfaceInfo[]) => void;
  publishStatus: () => void;
  sendResult: (result: CommandResult) => void;
}

type Outcome = { data?: unknown; error: string | null };

// Used as the reply id when an invalid command carries no usable id of its own.
export const UNKNOWN_COMMAND_ID = 'invalid';

/** Runs commands from the agent's cmd topic and answers each on cmd-result with the same id. */
export class CommandHandler {
  private invalid = 0;

  constructor(private readonly deps: CommandHandlerDeps) {}

  get invalidCount(): number {
    return this.invalid;
  }

  handle(payload: Buffer | string): CommandResult {
    const { agentId, log } = this.deps;
    const parsed = validateJson(agentCommandSchema, payload, agentTopic(agentId, 'cmd'));
    if (!parsed.ok) {
      this.invalid++;
      log.warn(`rejected command #${this.invalid}: ${parsed.error}`);
      return this.reply(rawId(payload), { error: parsed.error });
    }
    const command = parsed.value;
    log.info(`command ${command.id}: ${describe(command)}`);
    const outcome = this.execute(command);
    if (outcome.error) log.warn(`command ${command.id} failed: ${outcome.error}`);
    const result = this.reply(command.id, outcome);
    if (command.type !== 'list-interfaces') this.deps.publishStatus();
    return result;
  }

  private execute(command: AgentCommand): Outcome {
    const { capture, choices } = this.deps;
    try {
      switch (command.type) {
        case 'list-interfaces': {
          const interfaces = this.deps.listInterfaces();
          this.deps.publishInterfaces(interfaces);
          return { data: interfaces, error: null };
        }
        case 'start': {
          const state = capture.start(command.interface);
          choices.saveChoice({ filter: state.filter, interface: state.interface });
          return { data: state, error: null };
        }
        case 'stop':
          return { data: capture.stop(), error: null };
        case 'set-filter': {
          const state = capture.setFilter(command.filter);
          choices.saveChoice({ filter: state.filter, interface: state.interface });
          return { data: state, error: null };
        }
      }
    } catch (e) {
      // CaptureError messages are written for people; anything else is a bug worth logging.
      if (!(e instanceof CaptureError)) {
        this.deps.log.error(`command ${command.id}: ${(e as Error).stack ?? errorMessage(e)}`);
      }
      const data: CaptureState | undefined =
        command.type === 'list-interfaces' ? undefined : capture.state;
      return { data, error: errorMessage(e) };
    }
  }

  private reply(id: string, outcome: Outcome): CommandResult {
    const result = commandResult(this.deps.agentId, id, outcome);
    this.deps.sendResult(result);
    return result;
  }
}

function describe(command: AgentCommand): string {
  switch (command.type) {
    case 'start':
      return `start${command.interface ? ` on ${command.interface}` : ''}`;
    case 'set-filter':
      return `set-filter ${command.filter === null ? '(none)' : `"${command.filter}"`}`;
    default:
      return command.type;
  }
}

function rawId(payload: Buffer | string): string {
  try {
    const id = (JSON.parse(payload.toString()) as { id?: unknown }).id;
    if (typeof id === 'string' && id.length >= 1 && id.length <= 64) return id;
  } catch {
    // not JSON: no id to echo
  }
  return UNKNOWN_COMMAND_ID;
}
