import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, installed by scripts/install-chromium.sh (run by `npm test`'s setup). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium that makes no connection of its own: without the background-networking
 * ones it phones home at start-up, which this sandbox refuses.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the real browser, failing loudly (not skipping) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`bash scripts/install-chromium.sh\` (as root, with apt) or \`npm run setup\``,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
