type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive LiveService. */
export class FakeSocket {
  active = true;
  connected = false;
  readonly emitted: unknown[][] = [];
  readonly handlers = new Map<string, Handler>();
  readonly managerHandlers = new Map<string, Handler>();
  readonly io = {
    on: (event: string, handler: Handler) => this.managerHandlers.set(event, handler),
    removeAllListeners: () => this.managerHandlers.clear(),
  };

  connect(): void {
    this.connected = true;
    this.fire('connect');
  }
  disconnect(): void {
    this.connected = false;
    this.active = false;
  }
  emit(...args: unknown[]): void {
    this.emitted.push(args);
  }
  fire(event: string, ...args: unknown[]): void {
    this.handlers.get(event)?.(...args);
  }
  on(event: string, handler: Handler): void {
    this.handlers.set(event, handler);
  }
  removeAllListeners(): void {
    this.handlers.clear();
  }
}
