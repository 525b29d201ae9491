import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { CONSOLE_VERSION } from '../../app/health/health.service';
import { IS_PUBLIC_KEY } from '../../common/decorators/public.decorator';
import { OpenApiDocument } from './openapi-document';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = '/api/docs-json';

const ERROR_SCHEMA: SchemaObject = {
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    statusCode: { type: 'integer' },
  },
  required: ['code', 'message', 'statusCode'],
  type: 'object',
};

/** Scans every controller Nest knows (routes added later appear by themselves). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('nta console API')
    .setDescription('REST API of the nta console. Routes need a Bearer token unless marked open.')
    .setVersion(CONSOLE_VERSION)
    .addBearerAuth({ bearerFormat: 'JWT or API token', scheme: 'bearer', type: 'http' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  const open = publicOperations(app);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ApiErrorBody: { ...ERROR_SCHEMA } },
  };
  // Every error answer has one shape (ApiExceptionFilter).
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const responses = (operation as { responses?: Record<string, unknown> }).responses;
      if (!responses) continue;
      // @Public() routes (login, health) need no token: say so per operation.
      const op = operation as { operationId?: string; security?: unknown[] };
      if (op.operationId && open.has(op.operationId)) op.security = [];
      responses.default = {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
        description: 'error (ApiErrorBody)',
      };
    }
  }
  return document;
}

function operationId(controller: string, method: string): string {
  return `${controller.replace(/Controller$/, '')}_${method}`;
}

/** operationIds of the handlers marked @Public() (on the method or its controller). */
function publicOperations(app: INestApplication): Set<string> {
  const open = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new () => object) | null;
      if (!type) continue;
      const proto = type.prototype as Record<string, unknown>;
      const classOpen = Reflect.getMetadata(IS_PUBLIC_KEY, type) === true;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (classOpen || Reflect.getMetadata(IS_PUBLIC_KEY, handler) === true) {
          open.add(operationId(type.name, name));
        }
      }
    }
  }
  return open;
}

/**
 * The UI at /api/docs is open (a static shell); the document at /api/docs-json needs a token.
 * The UI sends the console's saved login, so a signed-in browser sees the API at once.
 */
export function setupOpenApi(app: INestApplication): void {
  app.get(OpenApiDocument).set(buildOpenApiDocument(app));
  SwaggerModule.setup(DOCS_PATH, app, () => ({}) as OpenAPIObject, {
    customSiteTitle: 'nta console API',
    raw: false,
    swaggerOptions: { persistAuthorization: true, requestInterceptor: withSavedLogin },
    swaggerUrl: DOCS_JSON_PATH,
  });
}

interface UiRequest {
  headers: Record<string, string>;
}

// Runs in the browser (Swagger UI serialises it with toString): self-contained on purpose.
function withSavedLogin(request: UiRequest): UiRequest {
  const storage = (globalThis as { localStorage?: { getItem(k: string): string | null } })
    .localStorage;
  try {
    const session = JSON.parse(storage?.getItem('nta.session') ?? 'null') as {
      token?: string;
    } | null;
    if (session?.token && !request.headers.Authorization) {
      request.headers.Authorization = `Bearer ${session.token}`;
    }
  } catch {
    // No saved login: the Authorize button still works.
  }
  return request;
}
