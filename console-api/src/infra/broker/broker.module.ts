import { Global, Module } from '@nestjs/common';
import { BrokerService } from './broker.service';

@Global()
@Module({ exports: [BrokerService], providers: [BrokerService] })
export class BrokerModule {}
