import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildSnapshot } from '../capture/build-snapshot';
import { contentHash } from '../capture/canonical-json';
import type { ContentConfig, MessageData } from '../messaging';
import { sendMessage } from '../send-message';
import { applySnapshot } from '../restore/apply-snapshot';
import { collectSections, findSaveControl } from './collect-sections';
import { createCaptureAgent } from './create-capture-agent';
import { locateControl } from './locate-control';

const warn = (error: unknown) => console.warn('Savepoint:', error);

/** Every section on the page as a snapshot, for "Capture now", restore previews and drift checks. */
async function collect(config: ContentConfig) {
  const snapshots = [];
  for (const container of collectSections(document)) {
    const control = findSaveControl(container);
    snapshots.push(
      await buildSnapshot({
        container,
        pageUrl: location.href,
        trigger: { kind: 'manual', ...(control ? { submitter: locateControl(control) } : {}) },
        salt: config.salt,
        extraLeftOut: config.extraLeftOut,
      }),
    );
  }
  return { snapshots, hashes: await Promise.all(snapshots.map((snapshot) => contentHash(snapshot))) };
}

/** Starts Savepoint on a watched dashboard page; does nothing (and throws nothing) once the extension reloads. */
export async function startCapture(ctx: ContentScriptContext): Promise<void> {
  let config: ContentConfig;
  try {
    config = await sendMessage('content:config', {});
  } catch {
    return; // Orphaned (the extension was reloaded) or not answering: stay out of the page's way.
  }
  if (!config.watched || ctx.isInvalid) return;
  const agent = createCaptureAgent({
    win: window,
    config,
    listen: (type, handler, options) => ctx.addEventListener(window, type, handler, options),
    saved: (snapshot) => {
      if (!ctx.isInvalid) sendMessage('capture:saved', { snapshot }).catch(warn);
    },
    formSubmitted: (snapshot, action, method) => {
      if (!ctx.isInvalid) sendMessage('capture:form-submitted', { snapshot, action, method }).catch(warn);
    },
  });
  agent.start();

  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Only the background sends these (checked above): trusted, so no schema is bundled here.
    const message = raw as { type?: string; data?: unknown };
    if (message?.type === 'tab:collect') {
      return collect(config).then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: String(error) }),
      );
    }
    if (message?.type === 'tab:apply') {
      try {
        const { snapshot, fields } = message.data as MessageData<'tab:apply'>;
        return Promise.resolve({ ok: true, value: applySnapshot(document, snapshot, fields) });
      } catch (error) {
        return Promise.resolve({ ok: false, error: String(error) });
      }
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
