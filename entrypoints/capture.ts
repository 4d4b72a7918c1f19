import { startCapture } from '@/lib/page/capture-agent/start-capture';

// Isolated-world capture script, injected by the background into a watched dashboard's page once it has loaded (see
// lib/background/create-agent-attacher.ts). An unlisted script rather than a WXT content script so that it
// carries neither webextension-polyfill nor WXT's content-script context: content scripts must stay small.
export default defineUnlistedScript(() => {
  void startCapture();
});
