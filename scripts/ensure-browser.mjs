// Makes sure Playwright has a Chromium: the system one, else Debian's package, else its own.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const found = candidates.find((p) => p && existsSync(p));
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (found) {
  console.log(`ensure-browser: using system Chromium at ${found}`);
} else if (
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/apt-get')
) {
  console.log("ensure-browser: installing Debian's chromium package");
  try {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } catch {
    console.log("ensure-browser: apt-get failed; falling back to Playwright's own Chromium");
    run('npx playwright install chromium');
  }
} else {
  console.log("ensure-browser: no system Chromium; installing Playwright's own");
  run('npx playwright install chromium');
}
