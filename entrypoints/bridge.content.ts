import { installBridge } from '@/lib/page/bridge/install-bridge';

// MAIN world at document_start, registered at runtime for watched dashboards only: wraps fetch/XHR and says
// "this request was saved", nothing more.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installBridge(window);
  },
});
