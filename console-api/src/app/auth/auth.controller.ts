import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { LoginResponse } from '@nta/contracts';
import {
  type AuthenticatedUser,
  CurrentUser,
} from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { AuthService } from './auth.service';
import { LOGIN_REQUEST_PIPE, type LoginRequestDto } from './dto/login-request.dto';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body(LOGIN_REQUEST_PIPE) body: LoginRequestDto): Promise<LoginResponse> {
    return this.auth.login(body);
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
