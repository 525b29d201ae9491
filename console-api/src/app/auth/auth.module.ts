import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenVerifier } from '../../common/guards/access-token-verifier';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { SettingsModule } from '../settings/settings.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { TokenService } from './token.service';

@Module({
  controllers: [AuthController],
  exports: [AccessTokenVerifier, LoginLimiter, TokenService],
  imports: [ApiTokensModule, JwtModule.register({}), SettingsModule],
  providers: [
    { provide: AccessTokenVerifier, useExisting: TokenService },
    AuthService,
    {
      inject: [CONSOLE_CONFIG],
      provide: LoginLimiter,
      useFactory: (config: ConsoleConfig) => new LoginLimiter(config.loginLimit),
    },
    TokenService,
  ],
})
export class AuthModule {}
