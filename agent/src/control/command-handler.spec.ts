import {
  type CaptureState,
  captureStateSchema,
  commandResultSchema,
  type InterfaceInfo,
  validate,
} from '@nta/contracts';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config/load-config';
import { parseCliArgs } from '../config/cli-args';
import { CaptureSet } from '../runtime/capture-set';
import {
  BAD_FILTER,
  fakeLiveCaptures,
  MISSING_INTERFACE,
} from '../runtime/testdata/fake-live-capture';
import { CommandHandler, type CommandHandlerDeps, UNKNOWN_COMMAND_ID } from './command-handler';

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
  let captures: CaptureSet;
  let deps: jasmine.SpyObj<
    Pick<CommandHandlerDeps, 'publishInterfaces' | 'publishStatus' | 'sendResult'>
  > & {
    saveCaptures: jasmine.Spy;
  };
  let order: string[];
  let sut: CommandHandler;

  beforeEach(() => {
    const config = loadConfig({
      cli: parseCliArgs(['--agent-id', 'host-1']),
      defaultInterface: () => 'eth0',
      env: {},
      homedir: '/tmp',
      hostname: 'host-1',
      isRoot: false,
      readFile: () => '',
    });
    captures = new CaptureSet(
      {
        config,
        createLive: fakeLiveCaptures().createLive,
        defaultInterface: 'eth0',
        emit: () => undefined,
        log: createLogger('error', () => undefined),
        nextSeq: () => 1,
        queued: () => 0,
      },
      null,
    );
    order = [];
    deps = {
      publishInterfaces: jasmine.createSpy('publishInterfaces'),
      publishStatus: jasmine.createSpy('publishStatus').and.callFake(() => order.push('status')),
      saveCaptures: jasmine.createSpy('saveCaptures'),
      sendResult: jasmine.createSpy('sendResult').and.callFake(() => order.push('result')),
    };
    sut = new CommandHandler({
      agentId: 'host-1',
      captures,
      choices: { saveCaptures: deps.saveCaptures },
      listInterfaces: () => interfaces,
      log: createLogger('error', () => undefined),
      publishInterfaces: deps.publishInterfaces,
      publishStatus: deps.publishStatus,
      sendResult: deps.sendResult,
    });
  });

  // The report loops of running captures hold timers.
  afterEach(() => captures.stopAll());

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
    expect(deps.saveCaptures).toHaveBeenCalledWith([{ filter: null, interface: 'lo' }]);
    expect(order).toEqual(['result', 'status']);
  });

  it('runs several interfaces at once and stops one by name', () => {
    run({ id: 'a', interface: 'eth0', type: 'start' });
    run({ filter: 'udp', id: 'b', interface: 'eth1', type: 'start' });

    expect(captures.states.map((s) => [s.interface, s.filter, s.running])).toEqual([
      ['eth0', null, true],
      ['eth1', 'udp', true],
    ]);
    expect(deps.saveCaptures).toHaveBeenCalledWith([
      { filter: null, interface: 'eth0' },
      { filter: 'udp', interface: 'eth1' },
    ]);

    const stopped = run({ id: 'c', interface: 'eth0', type: 'stop' });

    expect((stopped.data as CaptureState).interface).toBe('eth0');
    expect((stopped.data as CaptureState).running).toBeFalse();
    expect(captures.choices).toEqual([{ filter: 'udp', interface: 'eth1' }]);
    expect(captures.primary.interface).toBe('eth1');
  });

  it('switches to one interface: opens it first, then stops every other capture', () => {
    run({ id: 'a', interface: 'eth0', type: 'start' });
    run({ id: 'b', interface: 'eth1', type: 'start' });

    const switched = run({ filter: 'tcp', id: 'c', interface: 'eth2', type: 'switch' });

    expect(switched.ok).toBeTrue();
    expect(captures.choices).toEqual([{ filter: 'tcp', interface: 'eth2' }]);
  });

  it('keeps every capture when a switch or start cannot open its interface or filter', () => {
    run({ id: 'a', interface: 'eth0', type: 'start' });

    const missing = run({ id: 'b', interface: MISSING_INTERFACE, type: 'switch' });
    const badFilter = run({ filter: BAD_FILTER, id: 'c', interface: 'eth1', type: 'start' });

    expect(missing.ok).toBeFalse();
    expect(missing.error).toBe(`capture on ${MISSING_INTERFACE}: no such interface`);
    expect(badFilter.ok).toBeFalse();
    expect(badFilter.error).toContain("can't parse filter expression");
    expect(captures.choices).toEqual([{ filter: null, interface: 'eth0' }]);
    expect(captures.primary.running).toBeTrue();
  });

  it('sets a filter on every capture all or nothing, and on one by name', () => {
    run({ id: 'a', interface: 'eth0', type: 'start' });
    run({ id: 'b', interface: 'eth1', type: 'start' });

    run({ filter: 'udp', id: 'c', type: 'set-filter' });
    run({ filter: 'tcp', id: 'd', interface: 'eth1', type: 'set-filter' });
    const bad = run({ filter: BAD_FILTER, id: 'e', type: 'set-filter' });

    expect(bad.ok).toBeFalse();
    expect(captures.choices).toEqual([
      { filter: 'udp', interface: 'eth0' },
      { filter: 'tcp', interface: 'eth1' },
    ]);
    expect(captures.states.every((s) => s.running)).toBeTrue();
  });

  it('stops and reports the stopped state', () => {
    run({ id: 'c3', type: 'start' });
    const result = run({ id: 'c4', type: 'stop' });

    expect(result.ok).toBeTrue();
    expect((result.data as CaptureState).running).toBeFalse();
  });

  it('applies and persists a filter, and rejects a bad one with the capture unchanged', () => {
    run({ id: 'c4', type: 'start' });
    expect(run({ filter: 'udp', id: 'c5', type: 'set-filter' }).ok).toBeTrue();
    expect(deps.saveCaptures).toHaveBeenCalledWith([{ filter: 'udp', interface: 'eth0' }]);

    const bad = run({ filter: BAD_FILTER, id: 'c6', type: 'set-filter' });

    expect(bad.ok).toBeFalse();
    expect(bad.error).toContain("can't parse filter expression");
    expect((bad.data as CaptureState).filter).toBe('udp');
    expect((bad.data as CaptureState).running).toBeTrue();
    expect(deps.saveCaptures).toHaveBeenCalledTimes(2);
  });

  it('answers a failed start with ok:false and still republishes status', () => {
    const result = run({ id: 'c7', interface: MISSING_INTERFACE, type: 'start' });

    expect(result).toEqual(jasmine.objectContaining({ id: 'c7', ok: false }));
    expect(result.error).toBe(`capture on ${MISSING_INTERFACE}: no such interface`);
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
