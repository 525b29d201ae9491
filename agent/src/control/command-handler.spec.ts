import {
  type CaptureState,
  captureStateSchema,
  commandResultSchema,
  type InterfaceInfo,
  validate,
} from '@nta/contracts';
import type { CaptureControl } from '../capture/capture-control';
import { CaptureError } from '../capture/capture-error';
import { createLogger } from '../common/logger';
import { CommandHandler, type CommandHandlerDeps, UNKNOWN_COMMAND_ID } from './command-handler';

class FakeCapture implements CaptureControl {
  state: CaptureState = {
    error: null,
    filter: null,
    interface: 'eth0',
    running: false,
    startedAt: null,
  };

  start(iface?: string): CaptureState {
    const target = iface ?? this.state.interface;
    if (target === 'nope0') {
      this.state = { ...this.state, error: 'capture on nope0: no such interface' };
      throw new CaptureError(this.state.error!);
    }
    this.state = { ...this.state, error: null, interface: target, running: true, startedAt: 1_000 };
    return this.state;
  }

  stop(): CaptureState {
    this.state = { ...this.state, running: false, startedAt: null };
    return this.state;
  }

  setFilter(filter: string | null): CaptureState {
    if (filter === 'bogus (')
      throw new CaptureError("capture on eth0: can't parse filter expression");
    this.state = { ...this.state, filter };
    return this.state;
  }
}

describe(CommandHandler.name, () => {
  const interfaces: InterfaceInfo[] = [
    {
      addresses: [],
      description: null,
      isDefault: true,
      mac: null,
      mtu: 1500,
      name: 'eth0',
      up: true,
    },
  ];
  let capture: FakeCapture;
  let deps: jasmine.SpyObj<
    Pick<CommandHandlerDeps, 'publishInterfaces' | 'publishStatus' | 'sendResult'>
  > & {
    saveChoice: jasmine.Spy;
  };
  let order: string[];
  let sut: CommandHandler;

  beforeEach(() => {
    capture = new FakeCapture();
    order = [];
    deps = {
      publishInterfaces: jasmine.createSpy('publishInterfaces'),
      publishStatus: jasmine.createSpy('publishStatus').and.callFake(() => order.push('status')),
      saveChoice: jasmine.createSpy('saveChoice'),
      sendResult: jasmine.createSpy('sendResult').and.callFake(() => order.push('result')),
    };
    sut = new CommandHandler({
      agentId: 'host-1',
      capture,
      choices: { saveChoice: deps.saveChoice },
      listInterfaces: () => interfaces,
      log: createLogger('error', () => undefined),
      publishInterfaces: deps.publishInterfaces,
      publishStatus: deps.publishStatus,
      sendResult: deps.sendResult,
    });
  });

  const run = (command: object | string) =>
    sut.handle(typeof command === 'string' ? command : JSON.stringify(command));

  it('lists interfaces, republishes them and answers with the list', () => {
    const result = run({ id: 'c1', type: 'list-interfaces' });

    expect(result).toEqual(
      jasmine.objectContaining({ data: interfaces, error: null, id: 'c1', ok: true }),
    );
    expect(deps.publishInterfaces).toHaveBeenCalledWith(interfaces);
    expect(deps.publishStatus).not.toHaveBeenCalled();
    expect(validate(commandResultSchema, result, 'result').ok).toBeTrue();
  });

  it('starts on the named interface, persists the choice, replies, then republishes status', () => {
    const result = run({ id: 'c2', interface: 'lo', type: 'start' });

    expect(result.ok).toBeTrue();
    expect(validate(captureStateSchema, result.data, 'data').ok).toBeTrue();
    expect((result.data as CaptureState).interface).toBe('lo');
    expect(deps.saveChoice).toHaveBeenCalledWith({ filter: null, interface: 'lo' });
    expect(order).toEqual(['result', 'status']);
  });

  it('stops and reports the stopped state', () => {
    run({ id: 'c3', type: 'start' });
    const result = run({ id: 'c4', type: 'stop' });

    expect(result.ok).toBeTrue();
    expect((result.data as CaptureState).running).toBeFalse();
  });

  it('applies and persists a filter, and rejects a bad one with the capture state unchanged', () => {
    expect(run({ filter: 'udp', id: 'c5', type: 'set-filter' }).ok).toBeTrue();
    expect(deps.saveChoice).toHaveBeenCalledWith({ filter: 'udp', interface: 'eth0' });

    const bad = run({ filter: 'bogus (', id: 'c6', type: 'set-filter' });

    expect(bad.ok).toBeFalse();
    expect(bad.error).toContain("can't parse filter expression");
    expect((bad.data as CaptureState).filter).toBe('udp');
    expect(deps.saveChoice).toHaveBeenCalledTimes(1);
  });

  it('answers a failed start with ok:false and still republishes status', () => {
    const result = run({ id: 'c7', interface: 'nope0', type: 'start' });

    expect(result).toEqual(jasmine.objectContaining({ id: 'c7', ok: false }));
    expect(result.error).toBe('capture on nope0: no such interface');
    expect(deps.publishStatus).toHaveBeenCalled();
  });

  it('rejects invalid commands with the validation message, counts them and keeps going', () => {
    const unknownType = run({ id: 'c8', type: 'reboot' });
    const notJson = run('{{');

    expect(unknownType.ok).toBeFalse();
    expect(unknownType.id).toBe('c8');
    expect(unknownType.error).toMatch(/^nta\/v1\/agents\/host-1\/cmd: type: /);
    expect(notJson.id).toBe(UNKNOWN_COMMAND_ID);
    expect(notJson.error).toContain('not JSON');
    expect(sut.invalidCount).toBe(2);
    expect(validate(commandResultSchema, notJson, 'result').ok).toBeTrue();
    expect(run({ id: 'c9', type: 'stop' }).ok).toBeTrue();
  });
});
