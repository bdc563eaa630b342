import { Module } from '@nestjs/common';
import { EmailModule } from './email.module';
import { EmailProcessor } from './email.processor';

/** The `email` queue's processor; loaded only where jobs run (`all` and `worker` modes). */
@Module({ imports: [EmailModule], providers: [EmailProcessor] })
export class EmailWorkerModule {}
