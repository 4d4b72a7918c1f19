import { describe, expect, it } from 'vitest';
import { maskKey, workspaceKeyError } from '../../../lib/options/workspace-key-error';

describe('workspaceKeyError', () => {
  const existing = [{ workspace: 'globex' }];
  it.each([
    ['', 'sp_x', 'Enter the workspace this key is for (e.g. globex, or grafana.internal:3000)'],
    ['a b', 'sp_x', 'A workspace is a name like globex or a host like grafana.internal:3000'],
    ['initech', ' ', 'Enter the access key for this workspace'],
    ['globex', 'sp_x', 'Workspace "globex" already has a key'],
    ['grafana.internal:3000', 'sp_x', null],
  ])('%j with key %j: %s', (workspace, key, error) => {
    expect(workspaceKeyError(workspace, key, existing)).toBe(error);
  });

  it('never shows a key whole', () => {
    expect(maskKey('sp_secretsecretABCD')).toBe('…ABCD');
  });
});
