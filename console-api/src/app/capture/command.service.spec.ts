import type { AgentCommand, CommandResult } from '@nta/contracts';
import { CommandService } from './command.service';

class FakeBroker {
  sent: { payload: AgentCommand; topic: string }[] = [];

  publish(topic: string, payload: unknown): Promise<void> {
    this.sent.push({ payload: payload as AgentCommand, topic });
    return Promise.resolve();
  }
}

function resultFor(command: AgentCommand, agentId = 'a1'): CommandResult {
  return { agentId, data: { running: true }, error: null, id: command.id, ok: true, ts: 1 };
}

async function flush(): Promise<void> {
  await new Promise((r) => setImmediate(r));
}

describe(CommandService.name, () => {
  let broker: FakeBroker;
  let sut: CommandService;

  beforeEach(() => {
    broker = new FakeBroker();
    sut = new CommandService(broker);
  });

  afterEach(() => sut.onApplicationShutdown());

  it('publishes the command with a fresh id on the agent cmd topic', async () => {
    void sut.send('a1', { type: 'stop' }).catch(() => undefined);
    void sut.send('a1', { type: 'stop' }).catch(() => undefined);
    await flush();

    expect(broker.sent.map((s) => s.topic)).toEqual([
      'nta/v1/agents/a1/cmd',
      'nta/v1/agents/a1/cmd',
    ]);
    expect(broker.sent[0].payload.type).toBe('stop');
    expect(broker.sent[0].payload.id).not.toBe(broker.sent[1].payload.id);
  });

  it('resolves with the result carrying the same id', async () => {
    const answer = sut.send('a1', { interface: 'eth0', type: 'start' });
    await flush();
    const command = broker.sent[0].payload;

    expect(sut.settle(resultFor(command))).toBeTrue();
    await expectAsync(answer).toBeResolvedTo(resultFor(command));
    expect(sut.inFlight).toBe(0);
  });

  it('ignores results with unknown ids or from another agent', async () => {
    const answer = sut.send('a1', { type: 'stop' }, 50);
    await flush();
    const command = broker.sent[0].payload;

    expect(sut.settle({ ...resultFor(command), id: 'other' })).toBeFalse();
    expect(sut.settle(resultFor(command, 'a2'))).toBeFalse();
    await expectAsync(answer).toBeRejectedWith(jasmine.objectContaining({ code: 'AGENT_TIMEOUT' }));
  });

  it('times out with AGENT_TIMEOUT and then forgets the command', async () => {
    const answer = sut.send('a1', { type: 'list-interfaces' }, 20);

    await expectAsync(answer).toBeRejectedWith(
      jasmine.objectContaining({ code: 'AGENT_TIMEOUT', message: jasmine.stringMatching(/a1/) }),
    );
    expect(sut.settle(resultFor(broker.sent[0].payload))).toBeFalse();
    expect(sut.inFlight).toBe(0);
  });
});
