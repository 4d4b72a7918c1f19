import { buildDraft } from '../dom/build-draft';
import { editedSinceParse } from '../dom/edited-since-parse';
import { findSection } from '../dom/find-section';
import { isField } from '../dom/is-field';
import { showsFields } from '../dom/shows-fields';
import { refusedForms } from '../dom/shows-refused-form';
import { createSender } from '../../messaging/message-sender';
import type { ContentConfig, TabMessageType } from '../../messaging';
import { claimPage } from './claim-page';
import { createBaselines, type Baselines } from './create-baselines';
import { collectSections, findSaveControl } from './collect-sections';
import { createCaptureAgent } from './create-capture-agent';
import { createOrphanGuard } from './create-orphan-guard';
import { extensionRuntime } from './extension-runtime';
import { locateControl } from './locate-control';

const warn = (error: unknown) => console.warn('Savepoint:', error);
/** The one message this script answers (typed against the contract without bundling its schemas). */
const COLLECT: TabMessageType = 'tab:collect';
/** (ms) after the load event before comparing the page with the latest backups, off the page's busy start. */
const DRIFT_DELAY = 1000;

/**
 * (ms) after the page's load event: a capture script started later was given to a tab already open (after an update
 * of Savepoint, or a new watch), where the user may have typed already; it takes no baseline but from a save. A
 * section whose fields show other than the page's markup when it starts (typed before) takes none either.
 */
const LATE_START = 10_000;

/** True when this script starts more than LATE_START after its page loaded. */
function startedLate(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return !!navigation?.loadEventEnd && performance.now() - navigation.loadEventEnd > LATE_START;
}

/**
 * Every section on the page as a draft, for "Capture now", restore previews and drift checks. Asked (`tell`), each
 * section with a baseline carries it (`loaded`), so a restore tells an edit typed here from a save made elsewhere;
 * else (the drift check, once the page has settled) what it reads becomes the baseline of sections without one.
 */
async function collect(baselines: Baselines, tell: boolean) {
  const drafts = [];
  for (const container of collectSections(document)) {
    const control = findSaveControl(container);
    const draft = await buildDraft({
      container,
      pageUrl: location.href,
      trigger: { kind: 'manual', ...(control ? { submitter: locateControl(control) } : {}) },
    });
    if (draft.section && !tell) baselines.take(container, draft.section.fields);
    const loaded = tell ? await baselines.of(container)?.catch(() => undefined) : undefined;
    if (draft.section && loaded) draft.section.loaded = loaded;
    // Hidden, and saved by nothing in it (Syncthing's closed dialog, whose Save sits in its footer): a restore
    // sends the section's save instead. A closed <details> with its own Save is still filled and saved.
    if (draft.section && !control && !showsFields(container)) draft.section.hidden = true;
    drafts.push(draft);
  }
  return { drafts };
}

/** Starts Savepoint on a watched dashboard page; does nothing (and throws nothing) once the extension reloads. */
export async function startCapture(): Promise<void> {
  const runtime = extensionRuntime();
  const guard = createOrphanGuard(runtime);
  if (!runtime || guard.isInvalid()) return;
  // One agent per page, claimed before anything async so that two injections cannot both start.
  const claim = claimPage(() => !guard.isInvalid());
  if (!claim) return;
  const send = createSender(runtime);
  let config: ContentConfig;
  // A form the server sent back refused shows what was typed and not saved: it has no baseline until it saves.
  const refused: Element[] = refusedForms(document);
  const late = startedLate();
  const edited = collectSections(document).filter(editedSinceParse);
  try {
    config = await send('content:config', { refused: refused.length > 0 });
  } catch {
    claim.release();
    return; // Orphaned or not answering: stay out of the page's way.
  }
  if (!config.watched || guard.isInvalid()) {
    claim.release();
    return;
  }
  const baselines = createBaselines(
    (container) => late || refused.includes(container) || edited.includes(container),
  );
  createCaptureAgent({
    win: window,
    config,
    listen: (type, handler, options) => guard.listen(window, type, handler, options),
    saved: (draft, container) => {
      if (guard.isInvalid()) return;
      send('capture:saved', { draft })
        .then((reply) => {
          // Only a save the worker recorded is what the dashboard holds now: not a write it took for no save
          // (a "Test connection" post), whose fields may be edits that were never saved.
          if ('id' in reply && container && draft.section) baselines.saved(container, draft.section.fields);
        })
        .catch(warn);
    },
    formSubmitted: (draft, action, method) => {
      if (!guard.isInvalid()) send('capture:form-submitted', { draft, action, method }).catch(warn);
    },
  }).start();
  claim.listening();
  // A section is read as the dashboard holds it before the user can edit it: when a field of it takes the focus
  // (before a key or click changes it), or when the page has settled, whichever comes first.
  // Until a field of it changes with an input or change event (typing, a click, the browser's autofill, a restore's
  // fill), each focus reads it again: what the page's script filled in after it settled (setting values, which sends
  // no event) is what the dashboard holds, not an edit.
  // Each key typed sends an input event: a field's section is looked up once, not at every key.
  const sections = new WeakMap<Element, Element>();
  const sectionOf = (field: Element) => {
    const known = sections.get(field);
    if (known) return known;
    const found = findSection(field);
    sections.set(field, found);
    return found;
  };
  const onField = (event: Event) => {
    const field = event.target;
    if (!(field instanceof Element) || !isField(field)) return;
    if (event.type === 'focusin') baselines.focused(sectionOf(field));
    else baselines.edited(sectionOf(field));
  };
  for (const type of ['focusin', 'input', 'change'] as const)
    guard.listen(window, type, onField, { capture: true, passive: true });

  // Once the page has settled, say what it shows, so the popup can tell what changed since the last backup.
  const checkDrift = () => {
    if (guard.isInvalid()) return;
    collect(baselines, false)
      .then(({ drafts }) => (drafts.length ? send('capture:drift', { drafts }) : undefined))
      .catch(warn);
  };
  const later = () => setTimeout(checkDrift, DRIFT_DELAY);
  if (document.readyState === 'complete') later();
  else guard.listen(window, 'load', later, { once: true });

  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
    // Only the background asks (checked here), so no schema needs bundling into the page.
    if (guard.isInvalid() || sender.id !== runtime.id || (raw as { type?: unknown })?.type !== COLLECT) {
      return false;
    }
    collect(baselines, true).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: String(error) }),
    );
    return true;
  };
  runtime.onMessage.addListener(onMessage as Parameters<typeof runtime.onMessage.addListener>[0]);
  guard.onInvalidated(() =>
    runtime.onMessage.removeListener(onMessage as Parameters<typeof runtime.onMessage.removeListener>[0]),
  );
}
