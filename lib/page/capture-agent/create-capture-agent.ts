import { createBridgeGate } from '../bridge/bridge-gate';
import { REPLAY_REQUEST, type BridgeMessage } from '../bridge/bridge-protocol';
import { isSaveRequest } from '../bridge/is-save-request';
import { buildDraft } from '../dom/build-draft';
import { findSection } from '../dom/find-section';
import type { Trigger } from '../../capture/snapshot';
import type { SnapshotDraft } from '../../capture/snapshot-draft';
import type { ContentConfig } from '../../messaging';
import { createLastInteraction, INTERACTION_WINDOW } from './last-interaction';
import { locateControl } from './locate-control';

type Listen = <K extends keyof WindowEventMap>(
  type: K,
  handler: (event: WindowEventMap[K]) => void,
  options?: AddEventListenerOptions,
) => void;

export interface CaptureAgentDeps {
  win: Window;
  config: ContentConfig;
  /** Adds a window listener that is removed when the content script is invalidated (extension reloaded). */
  listen: Listen;
  /** A JS-handled save (fetch/XHR) the server accepted, with the section container it was read from. */
  saved: (draft: SnapshotDraft, container?: Element) => void;
  /** A native form post, to be confirmed by the navigation's response. */
  formSubmitted: (draft: SnapshotDraft, action: string, method: string) => void;
  now?: () => number;
}

/** Form targets that load the response in the (top-level) page itself. */
const TOP_TARGETS = new Set(['_self', '_top', '_parent']);

/** Bridge reports accepted per minute (and as a burst). */
const GATE_PER_MINUTE = 600;

/** Watches a dashboard page for saves and turns each accepted one into a draft of its section's snapshot. */
export function createCaptureAgent({
  win,
  config,
  listen,
  saved,
  formSubmitted,
  now = Date.now,
}: CaptureAgentDeps) {
  const lastInteraction = createLastInteraction(now);
  const gate = createBridgeGate({
    pageOrigin: win.location.origin,
    now,
    // Forged reports cannot create backups (the background matches each to a request the browser saw), so the
    // gate only bounds the work a flood can cause; a burst of real saves must get through.
    maxPerMinute: GATE_PER_MINUTE,
    ...(config.savePattern ? { savePattern: config.savePattern } : {}),
    win,
  });
  let pendingJsSubmit: { form: HTMLFormElement; submitter: Element | null; at: number } | null = null;

  const report = (error: unknown) => console.warn('Savepoint: capture failed', error);

  async function onBridgeSave(message: BridgeMessage) {
    if (!isSaveRequest(message.method, message.url, win.location.href, config.savePattern)) return;
    const request = {
      method: message.method,
      url: message.url,
      bodyKind: message.body.kind,
      body: message.body.value,
    };
    const recentSubmit =
      pendingJsSubmit && now() - pendingJsSubmit.at < INTERACTION_WINDOW ? pendingJsSubmit : null;
    pendingJsSubmit = null;
    const control = recentSubmit?.submitter ?? recentSubmit?.form ?? lastInteraction.recent();
    const container = recentSubmit?.form ?? (control ? findSection(control) : null);
    const trigger: Trigger = {
      kind: message.via,
      ...(control && control !== container ? { submitter: locateControl(control) } : {}),
    };
    // Without a section on the page, the background derives the fields from the body.
    const section = container && container !== win.document.body ? { container } : {};
    saved(await buildDraft({ pageUrl: win.location.href, trigger, request, ...section }), section.container);
  }

  async function onNativeSubmit(form: HTMLFormElement, submitter: HTMLElement | null) {
    // `formAction` falls back to the document's URL when the attribute is absent, not to the form's action.
    const button = submitter?.hasAttribute('formaction') ? (submitter as HTMLButtonElement) : null;
    const action = button?.formAction || form.action || win.location.href;
    const override = submitter?.hasAttribute('formmethod') ? (submitter as HTMLButtonElement).formMethod : '';
    const method = (override || form.method || 'get').toUpperCase();
    if (method !== 'POST') return;
    // The same rules as a fetch save: the dashboard's save pattern, same site, not telemetry; and the top frame
    // only, so a post into a hidden frame (an analytics widget) is not a save.
    const target = submitter?.hasAttribute('formtarget')
      ? (submitter as HTMLButtonElement).formTarget
      : form.target;
    if (target && !TOP_TARGETS.has(target.toLowerCase())) return;
    if (!isSaveRequest(method, action, win.location.href, config.savePattern)) return;
    const trigger: Trigger = { kind: 'form', ...(submitter ? { submitter: locateControl(submitter) } : {}) };
    formSubmitted(await buildDraft({ pageUrl: win.location.href, trigger, container: form }), action, method);
  }

  return {
    start() {
      listen('click', (event) => lastInteraction.note(event.target), { capture: true, passive: true });
      listen('keydown', (event) => lastInteraction.note(event.target), { capture: true, passive: true });
      // Bubble phase on window: the page's own submit handlers have run, so `defaultPrevented` tells a JS save
      // (wait for its request) from a native post (confirmed by the navigation response).
      listen('submit', (event) => {
        try {
          // A page's own `dispatchEvent(new Event('submit'))` submits nothing, so it is no save; the browser's
          // submit events (a click, Enter, `requestSubmit()`) are trusted.
          if (!event.isTrusted) return;
          const form = event.target;
          if (!(form instanceof HTMLFormElement)) return;
          const submitter = (event as SubmitEvent).submitter ?? null;
          lastInteraction.note(submitter ?? form);
          if (event.defaultPrevented) {
            pendingJsSubmit = { form, submitter, at: now() };
            return;
          }
          void onNativeSubmit(form, submitter).catch(report);
        } catch (error) {
          report(error);
        }
      });
      listen('message', (event) => {
        try {
          const message = gate.accept(event);
          if (message) void onBridgeSave(message).catch(report);
        } catch (error) {
          report(error);
        }
      });
      // Listening now: the saves the page made before (the agent comes after the load) are sent again.
      win.postMessage(REPLAY_REQUEST, win.location.origin);
    },
  };
}
