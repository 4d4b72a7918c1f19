import { startCapture } from '@/lib/page/capture-agent/start-capture';

// Isolated-world capture script, registered at runtime for watched dashboards only (see
// lib/background/register-content-scripts.ts). An unlisted script rather than a WXT content script so that it
// carries neither webextension-polyfill nor WXT's content-script context: content scripts must stay small.
export default defineUnlistedScript(() => {
  void startCapture();
});
