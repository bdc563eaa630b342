import { Global, Module } from '@nestjs/common';
import { FileStorage } from './file-storage';

/** The platform's file storage, available to every module. */
@Global()
@Module({ providers: [FileStorage], exports: [FileStorage] })
export class StorageModule {}
