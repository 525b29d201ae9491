import { Logger } from '@nestjs/common';

export interface WebhookOptions {
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
}

export const WEBHOOK_DEFAULTS: WebhookOptions = { attempts: 4, backoffMs: 500, timeoutMs: 5000 };

/**
 * POSTs alert JSON to webhooks: a timeout per attempt, retries with doubling backoff, counts.
 * Calls never reject and are never awaited by ingest; sends to one URL keep their order, so a
 * receiver never sees "resolved" before "firing".
 */
export class WebhookSender {
  readonly stats = { delivered: 0, failed: 0, retried: 0 };
  private readonly abort = new AbortController();
  private readonly chains = new Map<string, Promise<boolean>>();
  private readonly logger = new Logger('AlertWebhook');

  constructor(private readonly options: WebhookOptions = WEBHOOK_DEFAULTS) {}

  send(url: string, body: unknown): Promise<boolean> {
    const previous = this.chains.get(url) ?? Promise.resolve(true);
    const next = previous.then(() => this.deliver(url, JSON.stringify(body)));
    this.chains.set(url, next);
    void next.then(() => {
      if (this.chains.get(url) === next) this.chains.delete(url);
    });
    return next;
  }

  /** Waits for every queued delivery (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  close(): void {
    this.abort.abort();
  }

  private async deliver(url: string, body: string): Promise<boolean> {
    let lastError = '';
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      if (this.abort.signal.aborted) break;
      try {
        const res = await fetch(url, {
          body,
          headers: { 'content-type': 'application/json', 'user-agent': 'nta-console-alerts' },
          method: 'POST',
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.timeoutMs)]),
        });
        await res.body?.cancel();
        if (res.ok) {
          this.stats.delivered++;
          return true;
        }
        lastError = `HTTP ${res.status}`;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      if (attempt < this.options.attempts) {
        this.stats.retried++;
        await sleep(this.options.backoffMs * 2 ** (attempt - 1), this.abort.signal);
      }
    }
    this.stats.failed++;
    this.logger.warn(
      `webhook ${redact(url)} failed after ${this.options.attempts} attempts: ${lastError}`,
    );
    return false;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// Webhook URLs often carry a secret in the query string: never log it.
function redact(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}
