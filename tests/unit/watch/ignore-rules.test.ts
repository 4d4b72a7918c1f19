import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeIgnoreRule, updateWatched } from '../../../lib/watch/watched-edits';
import { readWatched, writeWatched } from '../../../lib/storage';

const A = 'https://a.example.com/:workspace/settings*';
const RULE = 'POST /api/bots/:id/test-webhook';
const OTHER = 'POST /api/workspaces/:workspace/sync';

describe('ignore rules in the options page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await writeWatched([
      { id: 'd', pattern: A, extraLeftOut: [], managed: false, ignoreRules: [RULE, OTHER] },
    ]);
  });

  it('removes one rule and keeps the others', async () => {
    await removeIgnoreRule('d', RULE);
    expect((await readWatched())[0]?.ignoreRules).toEqual([OTHER]);
  });

  it('keeps the rules when the dashboard is edited', async () => {
    await updateWatched('d', { pattern: A, savePattern: '', extraLeftOut: ['token'] });
    expect((await readWatched())[0]).toMatchObject({ extraLeftOut: ['token'], ignoreRules: [RULE, OTHER] });
  });
});
