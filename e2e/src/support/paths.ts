import { join, resolve } from 'node:path';

/** The workspace root: the product is started from here, as `npm start` does. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** The built product (`npm run build`). */
export const SERVER_MAIN = join(WORKSPACE_ROOT, 'dist/backend/backend/src/main.js');
export const CONSOLE_DIR = join(WORKSPACE_ROOT, 'dist/admin-web/browser');

/** Kept after a run (git-ignored) so CI can publish them as artifacts. */
export const SCREENSHOT_DIR = join(WORKSPACE_ROOT, 'e2e/screenshots');
export const LOG_DIR = join(WORKSPACE_ROOT, 'e2e/logs');

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
