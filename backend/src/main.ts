import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createPinoLogger, NestPinoLogger } from './platform/logging/pino-logger';
import { AppModule } from './app/app.module';
import { createHttpApp } from './app/http-app';
import { ConfigError, loadEnv, runsHttp } from './platform/config/env';
import { StartupError } from './platform/startup/connectivity';

/**
 * One entry point, three modes (LODESTAR_MODE): `all` serves API, console and workers from one
 * process; `api` serves HTTP only; `worker` runs only the Bull processors.
 */
async function main() {
  const env = loadEnv();
  if (runsHttp(env)) {
    const app = await createHttpApp(env);
    await app.listen({ port: env.PORT, host: env.HOST });
    new Logger('Lodestar').log(`Lodestar (${env.LODESTAR_MODE}) listening on http://localhost:${env.PORT} — API docs at /api/docs`);
  } else {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), {
      logger: new NestPinoLogger(createPinoLogger(env)),
    });
    app.enableShutdownHooks();
    new Logger('Lodestar').log('Lodestar worker running');
  }
}

main().catch((error) => {
  if (error instanceof StartupError || error instanceof ConfigError) {
    console.error(`\nLodestar cannot start:\n${error.message}\n`);
  } else if (error?.code === 'EADDRINUSE') {
    console.error(`\nLodestar cannot start: port ${error.port} is already in use. Stop what uses it or set PORT.\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
