import { describe, expect, it } from 'vitest';
import type { FieldReport } from '../../../lib/messaging/apply-report';
import { verifyKept } from '../../../lib/restore/verify-kept';
import { snapshot } from '../support/snapshot-fixture';

const applied = (key: string, expected: FieldReport['expected']): FieldReport => ({
  key,
  label: key,
  outcome: 'applied',
  expected,
});

describe('a restore through a posted form, checked on the page the dashboard answered with', () => {
  it('a value the form posted and the page now shows otherwise is changed by the dashboard, as the page shows it', () => {
    const page = snapshot('intern', { maxTicketsPerDay: '42', reviewMode: 'sometimes' });
    page.fields[1]!.texts = { sometimes: 'Sometimes', always: 'Always review' };
    const report = verifyKept([applied('maxTicketsPerDay', '25'), applied('reviewMode', 'sometimes')], page);
    expect(report).toEqual([
      { ...applied('maxTicketsPerDay', '25'), outcome: 'changed-by-dashboard', actual: '42' },
      {
        ...applied('reviewMode', 'sometimes'),
        actual: 'sometimes',
        texts: { sometimes: 'Sometimes', always: 'Always review' },
      },
    ]);
  });

  it('checkboxes and multi-selects compare by state and by choice', () => {
    const page = snapshot('intern', { enabled: false, tags: ['a', 'b'] });
    const report = verifyKept([applied('enabled', true), applied('tags', ['a', 'b'])], page);
    expect(report.map((field) => [field.outcome, field.actual])).toEqual([
      ['changed-by-dashboard', false],
      ['applied', ['a', 'b']],
    ]);
  });

  it('a field the page does not show, shows as a secret, or that was not sent keeps its verdict', () => {
    const page = snapshot('intern', { apiKey: null, model: 'llama' });
    page.fields[0]!.secret = { hash: 'h', reason: 'name' };
    const fields: FieldReport[] = [
      applied('apiKey', 'typed'),
      { ...applied('model', 'gpt-4o'), outcome: 'not-found' },
      applied('gone', 'x'),
    ];
    expect(verifyKept(fields, page)).toEqual(fields);
  });
});
