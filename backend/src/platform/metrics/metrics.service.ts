import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { registeredQueues } from '../queue/queue.module';

/** Prometheus metrics: process defaults, HTTP latency, queue depth, and counters modules add. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'lodestar_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly emailsSent = new Counter({
    name: 'lodestar_platform_emails_total',
    help: 'Platform emails by transport and status',
    labelNames: ['transport', 'status'],
    registers: [this.registry],
  });

  constructor(private readonly moduleRef: ModuleRef) {
    collectDefaultMetrics({ register: this.registry, prefix: 'lodestar_' });
    const moduleRefLocal = this.moduleRef;
    new Gauge({
      name: 'lodestar_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const name of registeredQueues()) {
          const queue = moduleRefLocal.get<Queue>(getQueueToken(name), { strict: false });
          const counts = await queue.getJobCounts().catch(() => undefined);
          if (!counts) continue;
          for (const [state, value] of Object.entries(counts)) this.set({ queue: name, state }, value);
        }
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
