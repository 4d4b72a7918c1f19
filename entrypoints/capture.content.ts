import { startCapture } from '@/lib/content/start-capture';

// Isolated world, registered at runtime for watched dashboards only.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  main(ctx) {
    void startCapture(ctx);
  },
});
