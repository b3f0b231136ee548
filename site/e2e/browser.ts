/** Chromium for the tests: Debian's when present (browsers cannot be downloaded here), else Playwright's. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';

export function launch(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
