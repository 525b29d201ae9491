import { Controller, Get, Header, Query, Req, StreamableFile } from '@nestjs/common';
import { Public } from '../../common/decorators/public.decorator';
import type { RequestOrigin } from '../../common/http/console-urls';
import { DomainException } from '../../common/errors/domain.exception';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { AgentBundleService } from './agent-bundle.service';
import { InstallScriptService } from './install-script.service';

@Controller('api')
export class InstallController {
  constructor(
    private readonly bundle: AgentBundleService,
    private readonly enrolment: EnrolmentService,
    private readonly script: InstallScriptService,
  ) {}

  // Open: the script holds no secret; the token travels in the installing host's environment.
  @Public()
  @Get('install.sh')
  @Header('content-type', 'text/x-shellscript; charset=utf-8')
  installScript(@Req() req: RequestOrigin): Promise<string> {
    return this.script.render(this.enrolment.consoleUrl(req));
  }

  // Open route, but only a currently valid enrolment token gets the bundle.
  @Public()
  @Get('agent/bundle.tgz')
  async agentBundle(
    @Query('token') token: unknown,
    @Req() req: RequestOrigin,
  ): Promise<StreamableFile> {
    if (typeof token !== 'string' || token === '') {
      throw new DomainException('UNAUTHORIZED', 'query.token: an enrolment token is required');
    }
    await this.enrolment.checkToken(token, req);
    const tgz = await this.bundle.get();
    return new StreamableFile(tgz, {
      disposition: 'attachment; filename="nta-agent.tgz"',
      length: tgz.length,
      type: 'application/gzip',
    });
  }
}
