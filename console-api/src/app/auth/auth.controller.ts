import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import type { CurrentUser as CurrentUserBody, LoginResponse } from '@nta/contracts';
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
  login(@Body(LOGIN_REQUEST_PIPE) body: LoginRequestDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.login(body, ip);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.auth.logout(user);
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): CurrentUserBody {
    return { kind: user.kind, role: user.role, username: user.username };
  }
}
