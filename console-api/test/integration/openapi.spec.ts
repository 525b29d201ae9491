// Starts: a fresh Postgres database and the real console in-process (HTTP + embedded aedes) to
// fetch the served document; plus a second, unstarted Nest app of the same AppModule whose
// Express router is walked to list the routes Nest actually registered.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/infra/config/console-config';
import { setupOpenApi } from '../../src/infra/openapi/setup-openapi';
import { AGENT_SECRET, startTestConsole, type TestConsole } from './support/test-console';

interface RouterLayer {
  route?: { methods: Record<string, boolean>; path: string };
}

const HTTP_METHODS = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'trace'];

/** "METHOD /path/:param" for every route on the app's Express router. */
function registeredRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => layer.route?.methods[m])
          .map((m) => `${m.toUpperCase()} ${layer.route?.path}`)
      : [],
  );
}

function documentedRoutes(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => HTTP_METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

// The documentation's own routes: Swagger UI assets and the document itself.
const isDocsRoute = (route: string) => /^GET \/api\/docs([-/]|$)/.test(route);

describe('OpenAPI document', () => {
  let document: OpenAPIObject;
  let nest: NestExpressApplication;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    document = (await sut.api<OpenAPIObject>('/api/docs-json')).body;
    const config = loadConfig({
      DATABASE_URL: sut.db.url,
      NTA_AGENT_SECRET: AGENT_SECRET,
      NTA_BROKER_HOST: '127.0.0.1',
      NTA_BROKER_PORT: '0',
      NTA_LOG_LEVEL: 'error',
    });
    nest = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      logger: false,
    });
    setupOpenApi(nest);
    await nest.init();
  }, 30_000);

  afterAll(async () => {
    await nest?.close();
    await sut?.close();
  }, 30_000);

  it('lists exactly the routes Nest registered, methods included', () => {
    const registered = registeredRoutes(nest).filter((r) => !isDocsRoute(r));

    expect(registered.length).toBeGreaterThan(20);
    expect(documentedRoutes(document).sort()).toEqual([...new Set(registered)].sort());
  });

  it('needs a token for the document; the UI shell is open and loads it', async () => {
    const anonymous = await sut.api('/api/docs-json', { token: null });
    expect(anonymous.status).toBe(401);

    const ui = await fetch(`${sut.base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    const init = await (await fetch(`${sut.base}/api/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('/api/docs-json');
    // The shell embeds no part of the API.
    expect(init).not.toContain('/api/hosts');
  });

  it('declares Bearer security and takes request schemas from the zod contracts', () => {
    expect(document.components?.securitySchemes?.bearer).toEqual(
      jasmine.objectContaining({ scheme: 'bearer', type: 'http' }),
    );
    expect(document.security).toEqual([{ bearer: [] }]);

    const list = document.paths['/api/hosts'].get;
    const sort = list?.parameters?.find((p) => 'name' in p && p.name === 'sort');
    expect(sort).toEqual(
      jasmine.objectContaining({
        in: 'query',
        required: false,
        schema: jasmine.objectContaining({ enum: ['name', 'bytes', 'packets', 'lastSeen'] }),
      }),
    );
    const body = document.paths['/api/alerts/rules'].post?.requestBody;
    const schema = body && 'content' in body ? body.content['application/json'].schema : null;
    expect(schema).toEqual(
      jasmine.objectContaining({
        required: ['kind', 'name'],
        properties: jasmine.objectContaining({
          kind: jasmine.objectContaining({ enum: jasmine.arrayContaining(['host-offline']) }),
        }),
      }),
    );
    // Open routes say so; the rest inherit the document-wide Bearer requirement.
    expect(document.paths['/api/auth/login'].post?.security).toEqual([]);
    expect(document.paths['/api/health'].get?.security).toEqual([]);
    expect(document.paths['/api/hosts'].get?.security).toBeUndefined();
    const errorRef = document.paths['/api/hosts/{id}'].patch?.responses.default;
    expect(errorRef).toEqual(jasmine.objectContaining({ description: 'error (ApiErrorBody)' }));
  });
});
