import { loadDeferredPopup } from '@/lib/popup/load-deferred-popup';
import { readFirstScreen } from '@/lib/popup/read-first-screen';
import { showFirstScreen } from '@/lib/popup/show-first-screen';
import { showPopupFailure } from '@/lib/popup/show-popup-failure';

// The popup's first screen: a classic script of its own, one file that shares no chunk with the rest of the build,
// so the newest backups are read and painted without waiting for the popup's module scripts (in the module entry
// it waited for four files, Vite's chunks shared with the options page and the React popup: its first paint came
// 12 to 20 ms later). In a build, popup.html's module script (the React popup's entry, lib/popup/start-popup.ts)
// is deferred (lib/popup/defer-popup-tags.ts) and started from here once the first screen is on screen.
export default defineUnlistedScript(() => {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  let presented: Promise<unknown> = Promise.resolve();
  try {
    const shown = showFirstScreen(byId('first-screen'), byId('root'), readFirstScreen());
    window.savepointFirstScreen = shown;
    presented = shown.presented;
  } finally {
    // Whatever became of the first screen, the React popup loads, or the popup says it could not.
    loadDeferredPopup(presented, (error) => {
      window.savepointFirstScreen?.handOver();
      showPopupFailure(byId('root'), error);
    });
  }
});
