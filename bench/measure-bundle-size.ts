import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytes, met, type BenchRow } from './bench-row';
import { RELEASE_DIR } from './build-extension';

/** (bytes, gzipped) each part of the release build may weigh; what it weighed when the budget was set, plus room. */
const BUDGET = {
  /** The two scripts every watched page loads (2026-12-04: 9.8 KB). */
  content: 12 * 1024,
  /** The service worker (2026-12-04: 32.1 KB). */
  background: 36 * 1024,
  /** The script a restore injects, once per restore (2026-12-04: 4.4 KB). */
  restoreAgent: 6 * 1024,
  /** The popup's entry and every chunk it preloads (2026-12-04: 130.1 KB). */
  popup: 140 * 1024,
};
/** Traces React leaves in a bundle. */
const REACT_MARKERS = /react\.(transitional\.)?element|react-dom|__reactFiber|__REACT_DEVTOOLS|useState/;
/** Only React's development build has the dev JSX runtime. */
const DEV_REACT = /\bjsxDEV\b/;

const read = (file: string) => readFileSync(path.join(RELEASE_DIR, file));

/** (bytes) of a built file after `gzip -9`. */
function gzipped(file: string): number {
  return gzipSync(read(file), { level: 9 }).byteLength;
}

/** The popup's scripts: its entry and every chunk it preloads. */
function popupScripts(): string[] {
  const html = read('popup.html').toString('utf8');
  const found = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  return [...new Set(found)];
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
  const popup = popupScripts();
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
      figure: `7. release popup scripts gzipped (${popup.length} files: entry + preloaded chunks)`,
      value: bytes(popupBytes),
      baseline: '—',
      ratio: '—',
      target: `≤ ${bytes(BUDGET.popup)}, production React${devReact.length ? ` (dev React in ${devReact.join(', ')})` : ''}`,
      met: met(popupBytes <= BUDGET.popup && devReact.length === 0),
    },
  ];
}
