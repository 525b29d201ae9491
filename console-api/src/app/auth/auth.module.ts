import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenVerifier } from '../../common/guards/access-token-verifier';
import { SettingsModule } from '../settings/settings.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Module({
  controllers: [AuthController],
  exports: [AccessTokenVerifier, TokenService],
  imports: [JwtModule.register({}), SettingsModule],
  providers: [
    { provide: AccessTokenVerifier, useExisting: TokenService },
    AuthService,
    TokenService,
  ],
})
export class AuthModule {}
