import type { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_CONTEXT } from './request-context';

type Next = (error?: unknown) => void;

// Enrolment links carry their credential in the query string; logs must not.
const SECRET_PARAM = /([?&](?:access_token|password|secret|token)=)[^&]*/gi;

// A caller's id is honoured only when it is short and plain, so it cannot forge log lines.
const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every HTTP request an id (the caller's X-Request-Id or a new UUID), echoes it in the
 * response header, tags the request's log lines with it and logs one line when it finishes.
 */
export function requestId(logger: Logger, logEveryRequest: boolean) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const line = {
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        method: req.method,
        msg: 'request finished',
        reqId: id,
        status: res.statusCode,
        url: redactQuery(req.url ?? ''),
      };
      if (logEveryRequest) logger.log(line);
      else logger.debug(line);
    });
    REQUEST_CONTEXT.run({ requestId: id }, () => next());
  };
}

export function redactQuery(url: string): string {
  return url.replace(SECRET_PARAM, '$1[redacted]');
}
