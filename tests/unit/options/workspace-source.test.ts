import { describe, expect, it } from 'vitest';
import { workspaceSource } from '../../../lib/options/workspace-source';

describe('workspaceSource', () => {
  it.each([
    ['https://app.example.com/:workspace/settings*', ':workspace from the path'],
    ['http://127.0.0.1:*/:workspace', ':workspace from the path'],
    ['https://app.example.com/settings*', 'workspace = host'],
    ['https://app.example.com/:workspaceId/settings', 'workspace = host'],
    ['https://app.example.com/:team/settings', 'workspace = host'],
  ])('%s: %s', (pattern, source) => {
    expect(workspaceSource(pattern)).toBe(source);
  });
});

describe('workspaceSource with a workspace set by hand (issue 14)', () => {
  it('names the hand-set workspace over the pattern', () => {
    expect(workspaceSource('http://grafana.internal:3000/*', 'acme')).toBe('workspace = acme (set by hand)');
  });
});
