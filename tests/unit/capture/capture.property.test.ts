// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBridgeMessage, MAX_BRIDGE_MESSAGE_BYTES } from '../../../lib/page/bridge/bridge-protocol';
import { sanitizeBodyValue } from '../../../lib/page/bridge/sanitize-body-value';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { canonicalJson } from '../../../lib/capture/canonical-json';
import { finishSnapshot } from '../../../lib/capture/finish-snapshot';
import { MAX_VALUE_CHARS } from '../../../lib/capture/limits';
import { redactBody } from '../../../lib/capture/redact-body';
import { snapshotSchema, type Trigger } from '../../../lib/capture/snapshot';
import { overTheWire } from '../support/capture-path';

/** Runs per property: the brief asks for at least 200 generated inputs. */
const RUNS = Number(process.env.RUNS ?? 200);
/** A 10 MB string, built once and reused so each run stays fast. */
const HUGE = 'x'.repeat(10 * 1024 * 1024);
const TRIGGER: Trigger = { kind: 'fetch' };

const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const alnum = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    minLength: min,
    maxLength: max,
  });

/** A JWT with a random subject and signature. */
const jwtArb = fc
  .tuple(alnum(4, 16), alnum(20, 43))
  .map(([sub, sig]) => `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(`{"sub":"${sub}"}`)}.${sig}`);

/** A card-shaped number (issuer digit 2–6, 13–19 digits) with a valid Luhn check digit. */
const luhnArb = fc
  .tuple(
    fc.integer({ min: 2, max: 6 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 17 }),
  )
  .filter(([first, rest]) => !rest.every((d) => d === first))
  .map(([first, rest]) => {
    const body = [first, ...rest];
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let digit = body[body.length - 1 - i]!;
      if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    return [...body, (10 - (sum % 10)) % 10].join('');
  });

/** A password: only its field type says it is secret. */
const passwordArb = alnum(12, 24).map((s) => `Pw-${s}`);

const hostileKey = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'password', 'maxTokens', ''),
);

/** Any value, including hostile ones: typed arrays, maps, bigints, sparse arrays, null prototypes, unicode. */
const hostileValue = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.anything({
      key: hostileKey,
      maxDepth: 4,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
      stringUnit: 'binary',
    }),
  },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  {
    weight: 1,
    arbitrary: fc.constant(null).map(() => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 50; i++) deep = Object.assign(Object.create(null), { level: deep, list: [i] });
      return deep;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constant(null).map(() => {
      const cyclic: Record<string, unknown> = { a: new Float64Array([NaN, -0]), b: new ArrayBuffer(8) };
      cyclic.self = cyclic;
      return cyclic;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"p":1}}}')),
  },
);

const secretArb = fc.oneof(
  jwtArb.map((value) => ({ value, where: 'value' as const })),
  luhnArb.map((value) => ({ value, where: 'value' as const })),
  passwordArb.map((value) => ({ value, where: 'password' as const })),
);

const plainText = fc.string({ unit: 'binary', maxLength: 40 });
const fieldArb = fc.record({
  kind: fc.constantFrom(
    'text',
    'number',
    'checkbox',
    'radio',
    'select',
    'textarea',
    'editable',
    'email',
    'hidden',
  ),
  name: plainText,
  value: fc.oneof({ weight: 30, arbitrary: plainText }, { weight: 1, arbitrary: fc.constant(HUGE) }),
  label: plainText,
  checked: fc.boolean(),
});
const pageArb = fc.record({
  wrapper: fc.constantFrom('form', 'section', 'div', 'fieldset'),
  title: plainText,
  fields: fc.array(fieldArb, { maxLength: 8 }),
  secrets: fc.array(fc.tuple(secretArb, plainText), { maxLength: 3 }),
});

type PageSpec = typeof pageArb extends fc.Arbitrary<infer T> ? T : never;

function buildPage(page: PageSpec): Element {
  document.body.innerHTML = '';
  const container = document.createElement(page.wrapper);
  const heading = document.createElement('h2');
  heading.textContent = page.title;
  container.append(heading);
  for (const spec of page.fields) {
    const label = document.createElement('label');
    label.textContent = spec.label;
    let control: HTMLElement;
    if (spec.kind === 'select') {
      const select = document.createElement('select');
      const option = document.createElement('option');
      option.value = spec.value;
      option.textContent = spec.label;
      option.selected = spec.checked;
      select.append(option);
      control = select;
    } else if (spec.kind === 'textarea') {
      control = Object.assign(document.createElement('textarea'), { value: spec.value });
    } else if (spec.kind === 'editable') {
      control = document.createElement('div');
      control.setAttribute('contenteditable', 'true');
      control.textContent = spec.value.slice(0, 1000);
    } else {
      control = Object.assign(document.createElement('input'), { type: spec.kind, checked: spec.checked });
      control.setAttribute('value', spec.value);
    }
    control.setAttribute('name', spec.name);
    label.append(control);
    container.append(label);
  }
  for (const [secret, name] of page.secrets) {
    const input = document.createElement('input');
    input.type = secret.where === 'password' ? 'password' : 'text';
    input.setAttribute('name', name);
    input.value = secret.value;
    container.append(input);
  }
  document.body.append(container);
  return container;
}

/** Per-test time limit (ms): 200 runs include a few 10 MB strings. */
const PROPERTY_TIMEOUT = 20_000;

describe('capture never throws and always yields a valid snapshot', { timeout: PROPERTY_TIMEOUT }, () => {
  it('redactBody on hostile bodies: JSON-safe output, input untouched', () => {
    fc.assert(
      fc.property(hostileValue, fc.array(plainText, { maxLength: 3 }), (body, extra) => {
        const before = canonicalJson(body);
        const { body: out, leftOut } = redactBody(body, extra);
        expect(canonicalJson(body)).toBe(before);
        expect(canonicalJson(JSON.parse(JSON.stringify(out ?? null)))).toBe(canonicalJson(out ?? null));
        expect(leftOut.every((path) => typeof path === 'string')).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('canonicalJson on hostile values: deterministic, valid JSON, a fixed point once parsed', () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        const json = canonicalJson(value);
        expect(canonicalJson(value)).toBe(json);
        // Re-parsing the 10 MB case proves nothing new and costs half a second.
        if (json.length < MAX_VALUE_CHARS) expect(canonicalJson(JSON.parse(json))).toBe(json);
      }),
      { numRuns: RUNS },
    );
  });

  it('page → draft → finish on generated pages and hostile bodies: schema-valid, no secret in draft or output', async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, hostileValue, async (page, body) => {
        const container = buildPage(page);
        const draft = await buildDraft({
          container,
          pageUrl: 'https://dash.example.com/settings',
          trigger: TRIGGER,
          request: { method: 'PUT', url: '/api/settings/x', bodyKind: 'json', body },
        });
        // A password never leaves the page in plain text, whatever else the draft holds.
        const sent = JSON.stringify(draft.section);
        for (const [secret] of page.secrets)
          if (secret.where === 'password') expect(sent).not.toContain(secret.value);
        const snapshot = await finishSnapshot(draft, { salt: 's' });
        expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
        const json = JSON.stringify(snapshot);
        for (const [secret] of page.secrets) expect(json).not.toContain(secret.value);
      }),
      { numRuns: RUNS },
    );
  });

  it('the same path as the messages carry it: the bridge-sanitised body, posted as JSON, checked by the draft schema', async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, hostileValue, async (page, hostile) => {
        const container = buildPage(page);
        // What the bridge gate lets through: JSON data only, within the message size, else an unread body.
        const value = sanitizeBodyValue(hostile, MAX_BRIDGE_MESSAGE_BYTES);
        const message = createBridgeMessage(
          { via: 'fetch', method: 'PUT', url: '/api/settings/x', status: 200, body: { kind: 'json', value } },
          0,
        );
        const body = message?.body ?? { kind: 'unread' };
        const draft = await buildDraft({
          container,
          pageUrl: 'https://dash.example.com/settings',
          trigger: TRIGGER,
          request: { method: 'PUT', url: '/api/settings/x', bodyKind: body.kind, body: body.value },
        });
        const snapshot = await finishSnapshot(overTheWire(draft), { salt: 's' });
        expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
        const json = JSON.stringify(snapshot);
        for (const [secret] of page.secrets) expect(json).not.toContain(secret.value);
      }),
      { numRuns: RUNS },
    );
  });

  it('finish without a section on generated bodies with secrets mixed in: schema-valid and no secret in the output', async () => {
    const bodyArb = fc.tuple(
      fc.dictionary(hostileKey, hostileValue, { maxKeys: 5 }),
      fc.array(fc.tuple(fc.oneof(jwtArb, luhnArb), plainText), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(bodyArb, async ([record, secrets]) => {
        const body: Record<string, unknown> = { ...record };
        for (const [i, [secret, key]] of secrets.entries())
          Object.defineProperty(body, `${key}-s${i}`, { value: secret, enumerable: true });
        const draft = await buildDraft({
          pageUrl: 'https://dash.example.com/',
          trigger: TRIGGER,
          request: { method: 'POST', url: '/api/workspaces/acme/settings/brain', bodyKind: 'json', body },
        });
        const snapshot = await finishSnapshot(draft, { salt: 's' });
        expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
        const json = JSON.stringify(snapshot);
        for (const [secret] of secrets) expect(json).not.toContain(secret);
      }),
      { numRuns: RUNS },
    );
  });
});
