import { describe, expect, it } from 'vitest';
import { matchSentBody, type BodyVerdict, type ReportedBody } from '../../../lib/page/bridge/match-sent-body';
import { sentBodyOf, type WebRequestBody } from '../../../lib/page/bridge/sent-body';

const raw = (text: string): WebRequestBody => ({ raw: [{ bytes: new TextEncoder().encode(text).buffer }] });

describe('matchSentBody', () => {
  it.each<[string, ReportedBody, WebRequestBody | undefined, BodyVerdict]>([
    [
      'the same JSON, spaced and ordered otherwise',
      { bodyKind: 'json', body: { a: 1, b: [true] } },
      raw('{ "b": [true], "a": 1 }'),
      'match',
    ],
    ['JSON with one value swapped', { bodyKind: 'json', body: { a: 2 } }, raw('{"a":1}'), 'mismatch'],
    ['JSON with a key added', { bodyKind: 'json', body: { a: 1, admin: true } }, raw('{"a":1}'), 'mismatch'],
    [
      'JSON whose __proto__ key the bridge dropped',
      { bodyKind: 'json', body: { a: 1 } },
      raw('{"a":1,"__proto__":{"x":1}}'),
      'match',
    ],
    ['the same text', { bodyKind: 'text', body: 'hello' }, raw('hello'), 'match'],
    ['other text', { bodyKind: 'text', body: 'hello' }, raw('bye'), 'mismatch'],
    [
      'url-encoded fields the browser parsed',
      { bodyKind: 'form', body: { a: 'x', t: ['1', '2'] } },
      { formData: { a: ['x'], t: ['1', '2'] } },
      'match',
    ],
    [
      'url-encoded fields in another order of names',
      { bodyKind: 'form', body: { t: '1', a: 'x' } },
      raw('a=x&t=1'),
      'match',
    ],
    [
      'a field missing',
      { bodyKind: 'form', body: { a: 'x' } },
      { formData: { a: ['x'], b: ['y'] } },
      'mismatch',
    ],
    [
      'a url-encoded string body',
      { bodyKind: 'text', body: 'a=x&b=y' },
      { formData: { a: ['x'], b: ['y'] } },
      'match',
    ],
    [
      'a multipart file (only its name is known)',
      { bodyKind: 'multipart', body: { f: { file: 'a.png', size: 3 }, n: 'x' } },
      { formData: { f: ['a.png'], n: ['x'] } },
      'match',
    ],
    [
      'a blob of the same size',
      { bodyKind: 'blob', body: { type: 'image/png', size: 5 } },
      raw('12345'),
      'match',
    ],
    [
      'a blob of another size',
      { bodyKind: 'blob', body: { type: 'image/png', size: 9 } },
      raw('12345'),
      'mismatch',
    ],
    ['no body, none sent', { bodyKind: 'none' }, undefined, 'match'],
    // The browser shows no body it streams (a Blob holding JSON, a service worker's page): the ledger decides.
    ['JSON, none shown', { bodyKind: 'json', body: { a: 1 } }, undefined, 'unverifiable'],
    ['text, none shown', { bodyKind: 'text', body: 'a' }, undefined, 'unverifiable'],
    ['JSON, form data sent', { bodyKind: 'json', body: { a: 'x' } }, { formData: { a: ['x'] } }, 'mismatch'],
    [
      'a blob the browser streamed unseen',
      { bodyKind: 'blob', body: { size: 5 } },
      undefined,
      'unverifiable',
    ],
    [
      'a multipart body the browser streamed unseen',
      { bodyKind: 'multipart', body: { f: { file: 'a.png', size: 3 } } },
      undefined,
      'unverifiable',
    ],
    ['no body reported, one sent', { bodyKind: 'none' }, raw('{"a":1}'), 'mismatch'],
    ['a body the bridge left unread', { bodyKind: 'unread' }, raw('{"a":1}'), 'unverifiable'],
    [
      'a body the browser could not give',
      { bodyKind: 'json', body: { a: 1 } },
      { error: 'Unknown error.' },
      'unverifiable',
    ],
    ['an uploaded file', { bodyKind: 'json', body: { a: 1 } }, { raw: [{ file: '/tmp/x' }] }, 'unverifiable'],
  ])('%s: %s', (_name, reported, sent, expected) => {
    expect(matchSentBody(reported, sentBodyOf(sent))).toBe(expected);
  });
});
