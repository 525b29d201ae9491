import { Writable } from 'node:stream';
import { PinoLogger } from './pino-logger';
import { REQUEST_CONTEXT } from './request-context';

class Lines extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  }
}

describe(PinoLogger.name, () => {
  let out: Lines;
  let sut: PinoLogger;

  beforeEach(() => {
    out = new Lines();
    sut = new PinoLogger('log', out);
  });

  it('writes one JSON object per line with level, context and message', () => {
    sut.log('hello', 'Console');
    sut.warn('careful', 'Broker');

    expect(out.lines).toEqual([
      jasmine.objectContaining({ context: 'Console', level: 30, msg: 'hello' }),
      jasmine.objectContaining({ context: 'Broker', level: 40, msg: 'careful' }),
    ]);
  });

  it('tags lines written while serving a request with its id', () => {
    REQUEST_CONTEXT.run({ requestId: 'req-1' }, () => sut.log('inside', 'Auth'));
    sut.log('outside', 'Auth');

    expect(out.lines[0]).toEqual(jasmine.objectContaining({ msg: 'inside', reqId: 'req-1' }));
    expect(out.lines[1].reqId).toBeUndefined();
  });

  it('keeps the fields of a structured message and the stack of an error', () => {
    sut.log({ msg: 'request finished', status: 204 }, 'Http');
    sut.error('boom', 'Error: boom\n    at x', 'Ingest');

    expect(out.lines[0]).toEqual(
      jasmine.objectContaining({ context: 'Http', msg: 'request finished', status: 204 }),
    );
    expect(out.lines[1]).toEqual(
      jasmine.objectContaining({ context: 'Ingest', level: 50, stack: 'Error: boom\n    at x' }),
    );
  });

  it('drops lines below the configured level and the framework start-up inventory', () => {
    sut.debug('noise', 'Ingest');
    sut.log('Mapped {/api, GET} route', 'RouterExplorer');

    expect(out.lines).toEqual([]);
  });
});
