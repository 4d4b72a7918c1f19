import { readFirstScreen } from '@/lib/popup/read-first-screen';
import { showFirstScreen } from '@/lib/popup/show-first-screen';

// The popup's first screen: a classic script of its own, one file that shares no chunk with the rest of the build,
// so the newest backups are read and painted without waiting for the popup's module scripts (in the module entry
// it waited for four files, Vite's chunks shared with the options page and the React popup: its first paint came
// 12 to 20 ms later). popup.html runs it before its module script, which starts the React popup behind it
// (lib/popup/start-popup.ts).
export default defineUnlistedScript(() => {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  window.savepointFirstScreen = showFirstScreen(byId('first-screen'), byId('root'), readFirstScreen());
});
