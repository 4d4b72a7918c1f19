import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_DB_NAME } from '../../../lib/journal/open-journal';
import { deferPopupTags } from '../../../lib/popup/defer-popup-tags';
import {
  POPUP_CALIBRATION_PAGES,
  popupFiles,
  popupLaterFiles,
  writePopupCalibration,
} from '../../../bench/popup-calibration-pages';

const POPUP = `<!DOCTYPE html>
<html lang="en">
  <head>
    <script type="module" crossorigin src="/chunks/popup-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/react-b2.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-c3.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

function releaseBuild(popup: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-release-'));
  mkdirSync(path.join(dir, 'chunks'));
  writeFileSync(path.join(dir, 'popup.html'), popup);
  writeFileSync(path.join(dir, 'chunks', 'popup-a1.js'), '');
  return dir;
}

describe("the bench's popup calibration pages", () => {
  it('adds a plain page and the same page with the popup script files preloaded, and leaves the popup alone', () => {
    const release = releaseBuild(POPUP);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'savepoint-calibrated-')), 'build');
    writePopupCalibration(release, dir);

    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    expect(read('popup.html')).toBe(POPUP);
    expect(read('chunks/popup-a1.js')).toBe('');
    const plain = read(POPUP_CALIBRATION_PAGES.plain);
    expect(plain).toContain('<script type="module" src="/bench-plain-history.js"></script>');
    expect(plain).toContain('<link rel="stylesheet" href="/assets/popup-c3.css" />');
    expect(plain).not.toContain('modulepreload');
    const loaded = read(POPUP_CALIBRATION_PAGES.scriptsLoaded);
    expect(loaded).toContain('<link rel="modulepreload" href="/chunks/popup-a1.js" />');
    expect(loaded).toContain('<link rel="modulepreload" href="/chunks/react-b2.js" />');
    // Preloaded, never run: no script tag loads the popup's own files.
    expect(loaded).not.toMatch(/<script[^>]*chunks/);
    // The plain page's script parses, and reads the journal's index the popup reads.
    const script = read('bench-plain-history.js');
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain(`indexedDB.open(${JSON.stringify(JOURNAL_DB_NAME)})`);
    expect(script).toContain("index('by_workspace_and_capturedAt')");
  });

  it('counts the module a built popup defers as loaded after the first paint, with what it imports on demand', () => {
    const built = POPUP.replace('<body>', '<body><script src="/popup-first-screen.js"></script>');
    const release = releaseBuild(deferPopupTags(built));
    writeFileSync(
      path.join(release, 'chunks', 'popup-a1.js'),
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["chunks/app-d4.js","chunks/react-b2.js"])))=>i.map(i=>d[i]);',
    );
    expect(popupFiles(release, 'js')).toEqual(['popup-first-screen.js']);
    expect(popupFiles(release, 'css')).toEqual(['assets/popup-c3.css']);
    expect(popupLaterFiles(release)).toEqual([
      'chunks/popup-a1.js',
      'chunks/react-b2.js',
      'chunks/app-d4.js',
    ]);
  });

  it('refuses a build whose popup.html names no script or stylesheet', () => {
    const release = releaseBuild('<!DOCTYPE html><html><body></body></html>');
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'savepoint-calibrated-')), 'build');
    expect(() => writePopupCalibration(release, dir)).toThrow(/no scripts or styles/);
  });
});
