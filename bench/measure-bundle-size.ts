import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytes, met, type BenchRow } from './bench-row';
import { EXTENSION_DIR } from './build-extension';

/** (bytes) gzipped content scripts may weigh together: 12 KB. */
const CONTENT_BUDGET = 12 * 1024;
/** Traces React leaves in a bundle. */
const REACT_MARKERS = /react\.(transitional\.)?element|react-dom|__reactFiber|__REACT_DEVTOOLS|useState/;

/** (bytes) of a built file after `gzip -9`. */
function gzipped(file: string): number {
  return gzipSync(readFileSync(path.join(EXTENSION_DIR, file)), { level: 9 }).byteLength;
}

/** The popup's scripts: its entry and every chunk it preloads. */
function popupScripts(): string[] {
  const html = readFileSync(path.join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const found = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  return [...new Set(found)];
}

/** Row 7: what each part of the extension weighs gzipped; `contentScripts` are the registered scripts' files. */
export function measureBundleSize(contentScripts: string[]): BenchRow[] {
  const sizes = contentScripts.map((file) => ({ file, size: gzipped(file) }));
  const content = sizes.reduce((sum, { size }) => sum + size, 0);
  const parts = sizes.map(({ file, size }) => `${path.basename(file)} ${size} B`).join(' + ');
  const withReact = contentScripts.filter((file) =>
    REACT_MARKERS.test(readFileSync(path.join(EXTENSION_DIR, file), 'utf8')),
  );
  const popup = popupScripts();
  const popupBytes = popup.reduce((sum, file) => sum + gzipped(file), 0);
  return [
    {
      figure: `7. content scripts gzipped (${contentScripts.join(' + ')})`,
      value: `${bytes(content)}: ${parts}`,
      baseline: '—',
      ratio: '—',
      target: `≤ 12 KB, no React${withReact.length ? ` (React in ${withReact.join(', ')})` : ''}`,
      met: met(content <= CONTENT_BUDGET && withReact.length === 0),
    },
    {
      figure: '7. background.js gzipped',
      value: bytes(gzipped('background.js')),
      baseline: '—',
      ratio: '—',
      target: '—',
      met: '—',
    },
    {
      figure: `7. popup scripts gzipped (${popup.length} files: entry + preloaded chunks)`,
      value: bytes(popupBytes),
      baseline: '—',
      ratio: '—',
      target: '—',
      met: '—',
    },
  ];
}
