// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DiffPanel } from '../../../components/popup/DiffPanel';
import type { FieldChange } from '../../../lib/diff/diff-snapshots';
import type { DiffAgainst } from '../../../lib/popup/use-diff';
import { render } from '../support/render-react';

const added = (n: number): FieldChange => ({
  key: `setting${n}`,
  label: `Setting ${n}`,
  kind: 'added',
  before: null,
  after: 'on',
});

function summary(against: DiffAgainst, changes: FieldChange[]): string | null | undefined {
  const container = render(
    <DiffPanel
      against={against}
      candidates={[]}
      changes={changes}
      loading={false}
      error={null}
      now={0}
      canCompareWithPage={false}
      showUnchanged={false}
      onShowUnchanged={() => undefined}
      onAgainst={() => undefined}
    />,
  );
  return container.querySelector('.panel-sub')?.textContent;
}

describe("the diff's summary line", () => {
  it('compared with nothing, counts the fields the backup holds: none of them "differ"', () => {
    const fields = Array.from({ length: 169 }, (_, i) => added(i));
    expect(summary({ kind: 'none' }, fields)).toBe('169 fields in this backup.');
    expect(summary({ kind: 'none' }, fields.slice(0, 1))).toBe('1 field in this backup.');
  });

  it('compared with another backup, counts the fields that differ', () => {
    expect(summary({ kind: 'backup', id: 'b' }, [added(1), added(2)])).toBe('2 fields differ.');
  });
});
