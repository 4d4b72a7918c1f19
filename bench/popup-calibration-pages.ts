import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JOURNAL_DB_NAME } from '../lib/journal/open-journal';
import { DEFERRED_MODULE, DEFERRED_PRELOAD } from '../lib/popup/defer-popup-tags';

/**
 * Two pages that are not Savepoint's popup, added to a copy of the release build so that they share its origin and
 * so its journal: what any extension popup showing the same history pays, to tell the browser's share of the
 * popup's time from Savepoint's code.
 */
export const POPUP_CALIBRATION_PAGES = {
  /** One small script, no framework: opens the journal, takes its first workspace, lists the newest 30. */
  plain: 'bench-plain-history.html',
  /** The same page, with the popup's own script files fetched and compiled (`modulepreload`) but never run. */
  scriptsLoaded: 'bench-plain-history-popup-scripts.html',
} as const;

/**
 * The plain page's script: the journal (lib/journal/open-journal.ts) read as the popup's first screen reads it, in
 * the fewest requests.
 */
const PLAIN_HISTORY = `const open = indexedDB.open(${JSON.stringify(JOURNAL_DB_NAME)});
open.onsuccess = () => {
  const index = open.result.transaction('backups').objectStore('backups').index('by_workspace_and_capturedAt');
  const first = index.openKeyCursor();
  first.onsuccess = () => {
    if (!first.result) return;
    const workspace = first.result.key[0];
    const query = IDBKeyRange.bound([workspace, -Infinity], [workspace, Infinity]);
    const read = index.getAllRecords({ query, count: 30, direction: 'prev' });
    read.onsuccess = () => {
      const list = document.createElement('div');
      list.setAttribute('role', 'list');
      for (const { value } of read.result) {
        const item = document.createElement('div');
        item.setAttribute('role', 'listitem');
        item.textContent = value.title + ' · ' + new Date(value.capturedAt).toLocaleString();
        list.append(item);
      }
      document.getElementById('root').append(list);
    };
  };
};
`;

function page(head: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="color-scheme" content="light dark" />
    <title>bench: not Savepoint's popup</title>
    ${head}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

/** The files popup.html in `dir` names (src, href): each with its tag and whether the build deferred it. */
function popupTags(dir: string): { file: string; tag: 'script' | 'link'; deferred: boolean }[] {
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  return [...html.matchAll(/<(script|link)\b[^>]*>/g)].flatMap(([element, tag]) => {
    const file = /(?:src|href)="\/?([^"]+)"/.exec(element)?.[1];
    if (!file) return [];
    const deferred =
      element.includes(`type="${DEFERRED_MODULE}"`) || element.includes(`rel="${DEFERRED_PRELOAD}"`);
    return [{ file, tag: tag as 'script' | 'link', deferred }];
  });
}

/**
 * The files of `ext` ('js' or 'css') that the popup.html in `dir` loads before its first paint (the first screen's
 * script, its stylesheets; not the module it defers), as paths inside `dir`.
 */
export function popupFiles(dir: string, ext: 'js' | 'css'): string[] {
  const files = popupTags(dir).filter(({ file, deferred }) => !deferred && file.endsWith(`.${ext}`));
  return [...new Set(files.map(({ file }) => file))];
}

/**
 * The script files the popup in `dir` loads after its first paint: its deferred module (the React popup's entry)
 * and the chunks it preloads, and what that entry imports on demand (the React popup and its chunks, from the list
 * Vite writes into the entry), less what popup.html loads already.
 */
export function popupLaterFiles(dir: string): string[] {
  const first = popupFiles(dir, 'js');
  const deferredTags = popupTags(dir).filter(({ deferred }) => deferred);
  const deferred = deferredTags.map(({ file }) => file);
  const entryFile = deferredTags.find(({ tag }) => tag === 'script')?.file ?? first[0] ?? 'popup.html';
  const entry = readFileSync(path.join(dir, entryFile), 'utf8');
  const list = /__vite__mapDeps=.*?m\.f=\[([^\]]*)\]/.exec(entry)?.[1];
  if (!list) throw new Error(`no on-demand chunks found in ${dir}/${entryFile}`);
  const files = [...list.matchAll(/"([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  return [...new Set([...deferred, ...files])].filter((file) => !first.includes(file));
}

/**
 * Copies the release build in `releaseDir` to `dir` and adds the calibration pages; the popup there is unchanged.
 * The popup's script and stylesheet files are read from its popup.html, so the pages follow the build's hashes.
 */
export function writePopupCalibration(releaseDir: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(releaseDir, dir, { recursive: true });
  const scripts = popupFiles(dir, 'js');
  const styles = popupFiles(dir, 'css');
  if (scripts.length === 0 || styles.length === 0)
    throw new Error(`no scripts or styles found in ${dir}/popup.html`);
  const stylesheets = styles.map((file) => `<link rel="stylesheet" href="/${file}" />`).join('\n    ');
  const plain = `<script type="module" src="/bench-plain-history.js"></script>\n    ${stylesheets}`;
  const preloads = scripts.map((file) => `<link rel="modulepreload" href="/${file}" />`).join('\n    ');
  writeFileSync(path.join(dir, 'bench-plain-history.js'), PLAIN_HISTORY);
  writeFileSync(path.join(dir, POPUP_CALIBRATION_PAGES.plain), page(plain));
  writeFileSync(path.join(dir, POPUP_CALIBRATION_PAGES.scriptsLoaded), page(`${plain}\n    ${preloads}`));
}
