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
import { CaptureError } from '../capture/capture-error';
import { commandResult } from '../publish/payloads';

/** The agent's captures as commands see them (runtime/capture-set.ts is the real one). */
export interface CaptureCommands {
  readonly choices: { filter: string | null; interface: string }[];
  readonly primary: CaptureState;
  readonly states: CaptureState[];
  setFilter(filter: string | null, iface?: string): CaptureState;
  start(iface?: string, filter?: string | null): CaptureState;
  stop(iface?: string): CaptureState;
  switchTo(iface: string, filter?: string | null): CaptureState;
}

export interface ChoiceStore {
  saveCaptures(captures: { filter: string | null; interface: string }[]): void;
}

export interface CommandHandlerDeps {
  agentId: string;
  captures: CaptureCommands;
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
    const { captures } = this.deps;
    try {
      if (command.type === 'list-interfaces') {
        const interfaces = this.deps.listInterfaces();
        this.deps.publishInterfaces(interfaces);
        return { data: interfaces, error: null };
      }
      const state = this.change(command);
      // What runs now is what runs after a restart.
      this.deps.choices.saveCaptures(captures.choices);
      return { data: state, error: null };
    } catch (e) {
      // CaptureError messages are written for people; anything else is a bug worth logging.
      if (!(e instanceof CaptureError)) {
        this.deps.log.error(`command ${command.id}: ${(e as Error).stack ?? errorMessage(e)}`);
      }
      const data: CaptureState | undefined =
        command.type === 'list-interfaces' ? undefined : this.stateAfterFailure(command);
      return { data, error: errorMessage(e) };
    }
  }

  private change(command: Exclude<AgentCommand, { type: 'list-interfaces' }>): CaptureState {
    const { captures } = this.deps;
    switch (command.type) {
      case 'start':
        return captures.start(command.interface, command.filter);
      case 'stop':
        return captures.stop(command.interface);
      case 'switch':
        return captures.switchTo(command.interface, command.filter);
      case 'set-filter':
        return captures.setFilter(command.filter, command.interface);
    }
  }

  // The state of the capture the command aimed at (unchanged), else the primary one.
  private stateAfterFailure(
    command: Exclude<AgentCommand, { type: 'list-interfaces' }>,
  ): CaptureState {
    const { captures } = this.deps;
    const target = 'interface' in command ? command.interface : undefined;
    return captures.states.find((s) => s.interface === target) ?? captures.primary;
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
    case 'stop':
    case 'switch':
      return `${command.type}${command.interface ? ` on ${command.interface}` : ''}`;
    case 'set-filter':
      return `set-filter ${command.filter === null ? '(none)' : `"${command.filter}"`}${command.interface ? ` on ${command.interface}` : ''}`;
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
