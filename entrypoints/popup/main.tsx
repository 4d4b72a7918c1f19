import { afterNextPaint } from '../../lib/popup/after-next-paint';
import { readFirstScreen } from '../../lib/popup/read-first-screen';
import { showFirstScreen } from '../../lib/popup/show-first-screen';
import './style.css';

// The history is read and painted without React or zod. The React popup (./mount-app, a chunk of its own) loads
// once that is on screen, so its scripts do not hold the first paint up, and takes over when it shows the same
// history.
const root = document.getElementById('root') as HTMLElement;
const cover = document.getElementById('first-screen') as HTMLElement;
const { painted, handOver } = showFirstScreen(cover, root, readFirstScreen());

void painted
  .then((shown) => (shown ? afterNextPaint() : undefined))
  .then(() => import('./mount-app'))
  .then(
    ({ mountApp }) => mountApp(root, handOver),
    (error: unknown) => {
      handOver();
      root.textContent = `Savepoint could not load its popup (${String(error)}). Close it and open it again.`;
      root.setAttribute('role', 'alert');
    },
  );
