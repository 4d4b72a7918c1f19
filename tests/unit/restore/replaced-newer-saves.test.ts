import { describe, expect, it } from 'vitest';
import type { CapturedField } from '../../../lib/capture/snapshot';
import type { ApplyReport, FieldReport } from '../../../lib/messaging/apply-report';
import { replacedNewerSaves } from '../../../lib/restore/replaced-newer-saves';

const field = (key: string, value: string, extra: Partial<CapturedField> = {}): CapturedField => ({
  key,
  label: key,
  value,
  locator: { name: key, inputType: 'text' },
  ...extra,
});
const applied = (
  key: string,
  expected: string,
  outcome: FieldReport['outcome'] = 'applied',
): FieldReport => ({
  key,
  label: key,
  outcome,
  expected,
});
const report = (fields: FieldReport[]): ApplyReport => ({
  type: 'config',
  title: 'Config',
  savedVia: 'control',
  fields,
});

// The preview compared with what this browser knew the wiki held; the page loaded again for the restore showed what
// it held then.
const known = { fields: [field('title', 'Wiki'), field('tagline', 'Saved'), field('start', 'home')] };

describe('replacedNewerSaves', () => {
  it("names the teammate's value a ticked field's restore replaced, with its option texts", () => {
    const held = {
      fields: [
        field('title', "Teammate's title", { texts: { a: 'A' } }),
        field('tagline', 'Saved'),
        field('start', 'home'),
      ],
    };
    const marked = replacedNewerSaves(
      report([applied('title', 'Old'), applied('tagline', 'Everything')]),
      known,
      held,
    );
    expect(marked.fields).toEqual([
      { ...applied('title', 'Old'), replaced: "Teammate's title", replacedTexts: { a: 'A' } },
      applied('tagline', 'Everything'),
    ]);
  });

  it('names nothing when the save since set the backup value itself, or the field was not applied', () => {
    const held = { fields: [field('title', 'Old'), field('tagline', 'Newer'), field('start', 'index')] };
    const fields = [
      applied('title', 'Old'),
      applied('tagline', 'Everything', 'rejected'),
      applied('start', 'welcome', 'skipped'),
    ];
    expect(replacedNewerSaves(report(fields), known, held).fields).toEqual(fields);
  });

  it('compares no secret: neither side keeps its value', () => {
    const secret = { hash: 'h1', reason: 'password' as const };
    const withKey = { fields: [field('key', '', { secret })] };
    const held = { fields: [field('key', '', { secret: { ...secret, hash: 'h2' } })] };
    expect(replacedNewerSaves(report([applied('key', '')]), withKey, held).fields).toEqual([
      applied('key', ''),
    ]);
  });
});
