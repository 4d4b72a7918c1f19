import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytes, met, type BenchRow } from './bench-row';
import { RELEASE_DIR } from './build-extension';
import { popupFiles, popupLaterFiles } from './popup-calibration-pages';

/** (bytes, gzipped) each part of the release build may weigh; what it weighed when the budget was set, plus room. */
const BUDGET = {
  /** The two scripts every watched page loads (2026-12-04: 9.8 KB). */
  content: 12 * 1024,
  /**
   * The service worker (2026-12-04: 32.1 KB; 2026-12-06: 36.1 KB, after the checks on posted forms, on backups not
   * made here and on bidi controls, with 36 KB set before them; 2026-12-07: 40.0 KB, 44 B over the 40 KB then set,
   * after a restore learned what the page loaded, so that it keeps a teammate's save; later that day 41.2 KB, once
   * a restore checks what the dashboard kept, read back or on the page it answers with, and compares values as
   * dashboards write them back: 42 KB set, the check's reads and comparisons folded into one to stay near it).
   */
  background: 42 * 1024,
  /** The script a restore injects, once per restore (2026-12-04: 4.4 KB). */
  restoreAgent: 6 * 1024,
  /**
   * The popup's first screen: its entry and every chunk it preloads (2026-12-05: 16.0 KB with 20 KB set; 2026-12-07:
   * 12.8 KB, once its times no longer came from date-fns's `format`).
   */
  popupFirstScreen: 16 * 1024,
  /**
   * The React popup, loaded after the first screen is painted (2026-12-04, when it was all of the popup's scripts:
   * 130.1 KB).
   */
  popup: 140 * 1024,
};
/** Traces React leaves in a bundle. */
const REACT_MARKERS = /react\.(transitional\.)?element|react-dom|__reactFiber|__REACT_DEVTOOLS|useState/;
/** Traces zod leaves in a bundle. */
const ZOD_MARKERS = /ZodError|\$ZodType/;
/** Only React's development build has the dev JSX runtime. */
const DEV_REACT = /\bjsxDEV\b/;

const read = (file: string) => readFileSync(path.join(RELEASE_DIR, file));

/** (bytes) of a built file after `gzip -9`. */
function gzipped(file: string): number {
  return gzipSync(read(file), { level: 9 }).byteLength;
}

function sizeRow(figure: string, file: string, budget: number): BenchRow {
  const size = gzipped(file);
  return {
    figure,
    value: bytes(size),
    baseline: '—',
    ratio: '—',
    target: `≤ ${bytes(budget)}`,
    met: met(size <= budget),
  };
}

/**
 * Row 7: what each part of the release build (`wxt build`, the files the bench loads) weighs gzipped, against its
 * budget; `contentScripts` are the registered scripts' files.
 */
export function measureBundleSize(contentScripts: string[]): BenchRow[] {
  const sizes = contentScripts.map((file) => ({ file, size: gzipped(file) }));
  const content = sizes.reduce((sum, { size }) => sum + size, 0);
  const parts = sizes.map(({ file, size }) => `${path.basename(file)} ${size} B`).join(' + ');
  const withReact = contentScripts.filter((file) => REACT_MARKERS.test(read(file).toString('utf8')));
  const firstScreen = popupFiles(RELEASE_DIR, 'js');
  const firstScreenBytes = firstScreen.reduce((sum, file) => sum + gzipped(file), 0);
  const heavy = firstScreen.filter((file) => {
    const text = read(file).toString('utf8');
    return REACT_MARKERS.test(text) || ZOD_MARKERS.test(text);
  });
  const popup = popupLaterFiles(RELEASE_DIR);
  const popupBytes = popup.reduce((sum, file) => sum + gzipped(file), 0);
  const devReact = popup.filter((file) => DEV_REACT.test(read(file).toString('utf8')));
  return [
    {
      figure: `7. release content scripts gzipped (${contentScripts.join(' + ')})`,
      value: `${bytes(content)}: ${parts}`,
      baseline: '—',
      ratio: '—',
      target: `≤ ${bytes(BUDGET.content)}, no React${withReact.length ? ` (React in ${withReact.join(', ')})` : ''}`,
      met: met(content <= BUDGET.content && withReact.length === 0),
    },
    sizeRow('7. release background.js gzipped', 'background.js', BUDGET.background),
    sizeRow(
      '7. release restore-agent.js gzipped (injected by a restore)',
      'restore-agent.js',
      BUDGET.restoreAgent,
    ),
    {
      figure: `7. release popup first-screen scripts gzipped (what popup.html loads before its first paint: ${firstScreen.join(' + ')})`,
      value: bytes(firstScreenBytes),
      baseline: '—',
      ratio: '—',
      target: `≤ ${bytes(BUDGET.popupFirstScreen)}, no React, no zod${heavy.length ? ` (in ${heavy.join(', ')})` : ''}`,
      met: met(firstScreenBytes <= BUDGET.popupFirstScreen && heavy.length === 0),
    },
    {
      figure: `7. release popup scripts loaded after the first paint gzipped (${popup.length} files: the React popup, its entry started by the first screen)`,
      value: bytes(popupBytes),
      baseline: '—',
      ratio: '—',
      target: `≤ ${bytes(BUDGET.popup)}, production React${devReact.length ? ` (dev React in ${devReact.join(', ')})` : ''}`,
      met: met(popupBytes <= BUDGET.popup && devReact.length === 0),
    },
  ];
}
