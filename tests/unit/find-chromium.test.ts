import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM } from '../support/find-chromium';

const PLAYWRIGHT = '/home/dev/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

interface Machine {
  env?: Record<string, string>;
  /** Executable files present on the machine. */
  files: string[];
  playwright?: string | null;
}

function find({ env = {}, files, playwright = PLAYWRIGHT }: Machine) {
  return findChromium({
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
    isExecutable: (file) => files.includes(file),
    playwrightPath: () => playwright,
  });
}

describe('finding a Chromium for the end-to-end tests and the bench', () => {
  it.each<[string, Machine, { path: string; source: string }]>([
    [
      'CHROMIUM_PATH wins over everything installed',
      {
        env: { CHROMIUM_PATH: '/opt/chromium/chrome' },
        files: ['/opt/chromium/chrome', '/usr/bin/chromium'],
      },
      { path: '/opt/chromium/chrome', source: 'CHROMIUM_PATH' },
    ],
    [
      "Playwright's own Chromium, where it was installed",
      { files: [PLAYWRIGHT, '/usr/bin/chromium'] },
      { path: PLAYWRIGHT, source: 'playwright' },
    ],
    [
      "Debian's Chromium (this machine)",
      { files: ['/usr/bin/chromium'] },
      { path: '/usr/bin/chromium', source: 'system' },
    ],
    [
      "Debian's Chromium even when /usr/bin is not on PATH",
      { env: { PATH: '/nowhere' }, files: ['/usr/bin/chromium'] },
      { path: '/usr/bin/chromium', source: 'system' },
    ],
    [
      'Ubuntu-style chromium-browser on PATH',
      { files: ['/usr/local/bin/chromium-browser'] },
      { path: '/usr/local/bin/chromium-browser', source: 'system' },
    ],
    [
      'Google Chrome on PATH when there is no Chromium',
      { files: ['/usr/bin/google-chrome'] },
      { path: '/usr/bin/google-chrome', source: 'system' },
    ],
    [
      'a Chromium on PATH before Google Chrome in an earlier folder',
      { files: ['/usr/local/bin/google-chrome', '/bin/chromium'] },
      { path: '/usr/local/bin/google-chrome', source: 'system' },
    ],
  ])('%s', (_case, machine, expected) => {
    expect(find(machine)).toEqual(expected);
  });

  it('says in one line how to get a browser when there is none', () => {
    expect(() => find({ files: [], playwright: null })).toThrow(NO_CHROMIUM);
    expect(NO_CHROMIUM).not.toContain('\n');
    expect(NO_CHROMIUM).toMatch(/apt-get install chromium/);
    expect(NO_CHROMIUM).toMatch(/CHROMIUM_PATH/);
  });

  it('reports a CHROMIUM_PATH that points nowhere instead of quietly using another browser', () => {
    expect(() => find({ env: { CHROMIUM_PATH: '/nonexistent' }, files: ['/usr/bin/chromium'] })).toThrow(
      /CHROMIUM_PATH is \/nonexistent, which is not an executable file\. No Chromium found/,
    );
  });

  it("ignores Playwright's download folder when the browser was never downloaded", () => {
    expect(find({ files: ['/usr/bin/chromium'] })).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });
});
