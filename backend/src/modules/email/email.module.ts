import { Module } from '@nestjs/common';
import { QueueModule } from '../../platform/queue/queue.module';
import { EmailController } from './email.controller';
import { EMAIL_QUEUE } from './email.jobs';
import { EmailRenderer } from './email.renderer';
import { EmailRepository } from './email.repository';
import { PlatformEmailService } from './platform-email.service';
import { emailTransportProvider } from './transports/transport.provider';

/** Platform email (invitations, password resets): other modules use the exported {@link PlatformEmailService}. */
@Module({
  imports: [QueueModule.register(EMAIL_QUEUE)],
  controllers: [EmailController],
  providers: [PlatformEmailService, EmailRepository, EmailRenderer, emailTransportProvider],
  exports: [PlatformEmailService],
})
export class EmailModule {}
