import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** The OpenAPI 3.0 form of what a client may send (input side: defaults optional, coercions). */
export function zodToOpenApi(schema: z.ZodType): SchemaObject {
  const json: Record<string, unknown> = z.toJSONSchema(schema, {
    io: 'input',
    target: 'openapi-3.0',
    unrepresentable: 'any',
  });
  // OpenAPI 3.0 schema objects have no $schema keyword.
  delete json.$schema;
  return json;
}

/** Documents a JSON body from the same zod schema its pipe validates with. */
export const ApiZodBody = (schema: z.ZodType): MethodDecorator =>
  ApiBody({ schema: zodToOpenApi(schema) });

/** Documents each query parameter from the same zod schema its pipe validates with. */
export function ApiZodQuery(schema: z.ZodType): MethodDecorator {
  const json = zodToOpenApi(schema);
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
}
