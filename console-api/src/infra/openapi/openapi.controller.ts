import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { OpenApiDocument } from './openapi-document';

// A Nest route (not SwaggerModule's raw one) so the global auth guard covers it.
@ApiExcludeController()
@Controller('api/docs-json')
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get()
  get(): OpenAPIObject {
    return this.document.get();
  }
}
