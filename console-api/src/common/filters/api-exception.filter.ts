import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { ApiErrorBody, ApiErrorCode } from '@nta/contracts';
import { DomainException } from '../errors/domain.exception';

interface JsonResponse {
  headersSent?: boolean;
  setHeader(name: string, value: string): unknown;
  status(code: number): { json(body: unknown): unknown };
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/** Every HTTP error leaves as an ApiErrorBody, whatever threw it. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<JsonResponse>();
    const body = toApiErrorBody(exception);
    if (body.statusCode >= 500 && !(exception instanceof DomainException)) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
    }
    if (res.headersSent) return;
    if (exception instanceof DomainException && exception.retryAfterSeconds !== null) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    res.status(body.statusCode).json(body);
  }
}

export function toApiErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainException) return exception.toBody();
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const code = CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    return { code, message: httpMessage(exception), statusCode };
  }
  // Body-parser errors (bad JSON, too large) carry their status on the error itself.
  const status = (exception as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = exception instanceof Error ? exception.message : 'bad request';
    return {
      code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST',
      message: `body: ${message}`,
      statusCode: status,
    };
  }
  return { code: 'INTERNAL', message: 'internal error', statusCode: 500 };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
