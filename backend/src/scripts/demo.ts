import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '../app/app.module';
import { DemoService } from '../modules/customers/demo/demo.service';
import { ConfigError, loadEnv } from '../platform/config/env';
import { DomainError } from '../platform/errors/domain-error';
import { StartupError } from '../platform/startup/connectivity';

const USAGE = `Fills a workspace without customers with the demo data (customers, orders, events, traits).

  npm run demo [-- --workspace <id or name>] [--customers <n>] [--seed <n>]

Without --workspace, the only workspace there is (on an empty database the first one is created,
as on the first start). Reads DATABASE_URL and REDIS_URL like \`npm start\`, applies pending migrations.`;

/** `npm run demo`: the demo load without HTTP or queues, with counts and timings on the terminal. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { workspace: { type: 'string' }, customers: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const choices = {
    ...(values.customers && { customers: positive(values.customers, '--customers') }),
    ...(values.seed && { seed: positive(values.seed, '--seed') }),
  };

  const env = loadEnv({ ...process.env, LODESTAR_MODE: 'api', MIGRATE_ON_START: process.env.MIGRATE_ON_START || 'true', DEMO_ON_START: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), { logger: ['error', 'warn'] });
  try {
    const demo = app.get(DemoService);
    const workspace = await demo.resolveWorkspace(values.workspace);
    console.log(`Loading demo data into "${workspace.name}" (${workspace.id})…`);
    const started = Date.now();
    const summary = await demo.load(
      workspace.id,
      { type: 'system', id: 'npm-run-demo', label: 'npm run demo' },
      (percent) => console.log(`  ${String(percent).padStart(3)}%  ${s(Date.now() - started)}`),
      choices,
    );
    const t = summary.timings;
    console.log(
      [
        `Done in ${(t.total / 1000).toFixed(1)} s: ${n(summary.customers)} customers, ${n(summary.orders)} orders, ${n(summary.orderItems)} line items, ${n(summary.events)} events.`,
        `  generate ${s(t.generate)}, write (COPY) ${s(t.write)}, traits and RFM ${s(t.traits)}, analyze ${s(t.analyze)}`,
        `RFM tiers: ${summary.tiers.map((tier) => `${tier.tier} ${n(tier.customers)}`).join(', ')}`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await app.close();
  }
}

const n = (value: number) => value.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function positive(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new ConfigError(`${name} must be a positive whole number`);
  return parsed;
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof DomainError || error instanceof ConfigError || error instanceof StartupError) console.error(`\nnpm run demo: ${error.message}\n`);
    else if (String(error?.code).startsWith('ERR_PARSE_ARGS')) console.error(`\nnpm run demo: ${error.message}\n\n${USAGE}\n`);
    else console.error(error);
    process.exit(1);
  });
