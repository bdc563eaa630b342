import type { Type } from '@nestjs/common';

/** Every domain module of the API. */
export const DOMAIN_MODULES: Type[] = [];

/** Modules holding Bull processors; loaded only in processes that run jobs (`all` and `worker`). */
export const WORKER_MODULES: Type[] = [];
