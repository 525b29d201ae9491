import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

// Lets every log line written while serving a request carry its id, without passing it around.
export const REQUEST_CONTEXT = new AsyncLocalStorage<RequestContext>();
