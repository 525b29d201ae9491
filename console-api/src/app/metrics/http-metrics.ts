import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram, type Registry } from 'prom-client';

type Next = (error?: unknown) => void;

interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/** HTTP request counts and durations, labelled by route pattern (not URL) to bound cardinality. */
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route'>;
  private readonly requests: Counter<'method' | 'route' | 'status'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      name: 'nta_http_requests_total',
      registers: [registry],
    });
    this.duration = new Histogram({
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      help: 'HTTP request duration in seconds, by method and route pattern',
      labelNames: ['method', 'route'],
      name: 'nta_http_request_duration_seconds',
      registers: [registry],
    });
  }

  middleware() {
    return (req: RoutedRequest, res: ServerResponse, next: Next): void => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const labels = { method: req.method ?? 'GET', route: routeOf(req) };
        this.requests.inc({ ...labels, status: String(res.statusCode) });
        this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }
}

// Unmatched paths (404s, static files) share one label, whatever a scanner throws at us.
function routeOf(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}
