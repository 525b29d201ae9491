import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateUserRequest,
  createUserSchema,
  type Page,
  type PageQuery,
  pageQuerySchema,
  type UpdateUserRequest,
  updateUserSchema,
  type UserSummary,
} from '@nta/contracts';
import {
  type AuthenticatedUser,
  CurrentUser,
} from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { SessionOnly } from '../../common/decorators/session-only.decorator';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { UsersService } from './users.service';

type Person = Extract<AuthenticatedUser, { kind: 'user' }>;

// @SessionOnly: the actor is always a person, never an API token.
@Controller('api/users')
@SessionOnly()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  list(
    @Query(new ZodValidationPipe(pageQuerySchema, 'query')) query: PageQuery,
  ): Promise<Page<UserSummary>> {
    return this.users.list(query);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentUser() actor: Person,
    @Body(new ZodValidationPipe(createUserSchema, 'body')) body: CreateUserRequest,
  ): Promise<UserSummary> {
    return this.users.create(actor, body);
  }

  // No @Roles: a viewer may change their own password (the service checks the rest).
  @Patch(':id')
  update(
    @CurrentUser() actor: Person,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateUserSchema, 'body')) body: UpdateUserRequest,
  ): Promise<UserSummary> {
    return this.users.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@CurrentUser() actor: Person, @Param('id') id: string): Promise<void> {
    return this.users.remove(actor, id);
  }
}
