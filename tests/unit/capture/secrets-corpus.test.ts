// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { finishSnapshot } from '../../../lib/capture/finish-snapshot';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { SaveRequest } from '../../../lib/capture/snapshot-draft';
import { overTheWire } from '../support/capture-path';
import { BENIGN_CASES } from './secrets-benign-corpus';
import { SECRET_CASES, type CaptureInput, type FieldSpec } from './secrets-corpus';

const PAGE = 'https://dash.example.com/acme/settings';
const SAVE_URL = '/api/workspaces/acme/settings/general';
/** Highest share of benign settings that may be left out as secrets. */
const MAX_FALSE_POSITIVE_RATE = 0.03;

/** A settings form holding one control, built with DOM calls so any value goes in as is. */
function formWith(spec: FieldSpec): Element {
  document.body.innerHTML = '';
  const form = document.createElement('form');
  const heading = document.createElement('h2');
  heading.textContent = 'General';
  const control = document.createElement(spec.type === 'textarea' ? 'textarea' : 'input');
  if (control instanceof HTMLInputElement) control.type = spec.type ?? 'text';
  if (spec.name) control.setAttribute('name', spec.name);
  if (spec.id) control.id = spec.id;
  if (spec.autocomplete) control.setAttribute('autocomplete', spec.autocomplete);
  control.value = spec.value;
  const label = document.createElement('label');
  label.textContent = spec.label ?? '';
  if (spec.id) label.htmlFor = spec.id;
  form.append(heading, label, control);
  document.body.append(form);
  return form;
}

/** The save request a case sends: its body, else the field's value under its name, else none. */
function requestOf(input: CaptureInput): SaveRequest {
  const fieldName = input.field ? (input.field.name ?? input.field.id ?? 'field') : '';
  const body =
    input.body !== undefined ? input.body : input.field ? { [fieldName]: input.field.value } : undefined;
  const bodyKind = body === undefined ? 'none' : typeof body === 'string' ? 'text' : 'json';
  return {
    method: 'PUT',
    url: input.requestUrl ?? SAVE_URL,
    bodyKind,
    ...(body === undefined ? {} : { body }),
  };
}

/** The whole path a save takes: the page builds a draft, posts it, the background finishes it. */
async function captureCase(input: CaptureInput): Promise<Snapshot> {
  const draft = await buildDraft({
    pageUrl: input.pageUrl ?? PAGE,
    trigger: { kind: 'fetch' },
    request: requestOf(input),
    ...(input.field ? { container: formWith(input.field) } : {}),
  });
  return finishSnapshot(overTheWire(draft), { salt: 'corpus-salt' });
}

/** The snapshot as stored, minus secret hashes (salted SHA-256 hex, which can hold no plain text). */
function stored(snapshot: Snapshot): string {
  return JSON.stringify(snapshot, (key, value: unknown) => (key === 'hash' ? '' : value));
}

/** The ways a string can be written in a stored snapshot: as is, JSON-escaped, URL- or form-encoded. */
function spellings(text: string): string[] {
  const form = new URLSearchParams({ x: text }).toString().slice(2);
  return [...new Set([text, JSON.stringify(text).slice(1, -1), encodeURIComponent(text), form])];
}

describe('the hostile secrets corpus', () => {
  it('has at least 150 cases with unique names', () => {
    expect(SECRET_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(SECRET_CASES.map((c) => c.name)).size).toBe(SECRET_CASES.length);
  });

  it('leaks no secret into a finished snapshot (0 leaks)', async () => {
    const leaks: string[] = [];
    for (const testCase of SECRET_CASES) {
      const json = stored(await captureCase(testCase));
      if (spellings(testCase.secret).some((spelling) => json.includes(spelling))) leaks.push(testCase.name);
    }
    console.info(`secrets corpus: ${leaks.length} of ${SECRET_CASES.length} cases leak`);
    expect(leaks).toEqual([]);
  });
});

describe('the benign settings corpus', () => {
  it('has at least 100 cases with unique names', () => {
    expect(BENIGN_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(BENIGN_CASES.map((c) => c.name)).size).toBe(BENIGN_CASES.length);
  });

  it(`leaves out at most ${MAX_FALSE_POSITIVE_RATE * 100}% of ordinary settings (false positives)`, async () => {
    const falsePositives: string[] = [];
    for (const testCase of BENIGN_CASES) {
      const snapshot = await captureCase(testCase);
      const json = stored(snapshot);
      const kept = spellings(testCase.keep).some((spelling) => json.includes(spelling));
      if (!kept || snapshot.leftOut.length > 0)
        falsePositives.push(`${testCase.name} (${snapshot.leftOut.join(', ') || 'value changed'})`);
    }
    const rate = falsePositives.length / BENIGN_CASES.length;
    console.info(
      `benign corpus: ${falsePositives.length} of ${BENIGN_CASES.length} left out (${(rate * 100).toFixed(1)}%)` +
        falsePositives.map((name) => `\n  - ${name}`).join(''),
    );
    expect(rate, falsePositives.join('\n')).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });
});
