import { describe, expect, it } from 'vitest';
import { ignoreRuleFor, matchesIgnoreRule } from '../../../lib/page/bridge/ignore-rule';

describe('ignore rules', () => {
  it.each([
    ['POST', 'https://a.example.com/api/bots/42/test-webhook', undefined, 'POST /api/bots/:id/test-webhook'],
    [
      'POST',
      'https://a.example.com/api/workspaces/acme/bots/bot-42/recount?x=1',
      'acme',
      'POST /api/workspaces/:workspace/bots/:id/recount',
    ],
    [
      'PUT',
      'https://a.example.com/api/v4/projects/7f3a9c21-1b2c-4d5e-8f90-123456789abc/sync',
      undefined,
      'PUT /api/v4/projects/:id/sync',
    ],
    ['patch', 'https://a.example.com/rest/workflows/Abc123XyZ', undefined, 'PATCH /rest/workflows/:id'],
  ])('%s %s becomes a method and a path template', (method, url, workspace, rule) => {
    expect(ignoreRuleFor(method, url, workspace)).toBe(rule);
  });

  it('matches the same endpoint with other ids, and nothing else', () => {
    const rule = 'POST /api/workspaces/:workspace/bots/:id/recount';
    expect(matchesIgnoreRule(rule, 'POST', 'http://h/api/workspaces/acme/bots/bot-7/recount')).toBe(true);
    expect(matchesIgnoreRule(rule, 'POST', 'http://h/api/workspaces/acme/bots/bot-7/recount/')).toBe(true);
    expect(matchesIgnoreRule(rule, 'PUT', 'http://h/api/workspaces/acme/bots/bot-7/recount')).toBe(false);
    expect(matchesIgnoreRule(rule, 'POST', 'http://h/api/workspaces/acme/bots/bot-7')).toBe(false);
    expect(matchesIgnoreRule(rule, 'POST', 'http://h/api/workspaces/acme/settings/bots')).toBe(false);
    expect(matchesIgnoreRule('not a rule', 'POST', 'http://h/x')).toBe(false);
  });

  it('names a segment starting with ":" literally, so a request is never a template for others', () => {
    const rule = ignoreRuleFor('PUT', 'http://h/:a/:b/settings', undefined);
    expect(rule).toBe('PUT /%3Aa/%3Ab/settings');
    expect(matchesIgnoreRule(rule, 'PUT', 'http://h/:a/:b/settings')).toBe(true);
    expect(matchesIgnoreRule(rule, 'PUT', 'http://h/api/acme/settings')).toBe(false);
  });
});
