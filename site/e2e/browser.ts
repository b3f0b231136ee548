/** Chromium for the tests: Debian's when present (browsers cannot be downloaded here), else Playwright's. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';

/** The Chromium to run: CHROME_PATH, else Debian's, else none (the launcher's own choice). */
export function chromePath(): string | undefined {
  return process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Flags for a quiet browser in a container: no sandbox, GPU, updates or background traffic. */
export const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(): Promise<Browser> {
  const executablePath = chromePath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: CHROME_FLAGS,
  });
}
