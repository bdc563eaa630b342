import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createHttpApp } from '../app/http-app';
import { loadEnv } from '../platform/config/env';
import { buildOpenApiDocument } from '../app/openapi';

/** Writes `contracts/openapi.json` from the app's decorators; needs no database. */
async function main() {
  const target = resolve(process.argv[2] ?? 'contracts/openapi.json');
  const env = loadEnv({ ...process.env, LODESTAR_MODE: 'api', LOG_LEVEL: 'silent' });
  const app = await createHttpApp(env, { logger: false });
  const document = buildOpenApiDocument(app);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(document, null, 2) + '\n');
  await app.close();
  console.log(`Wrote ${target}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
