import { readFirstScreen } from '../../lib/popup/read-first-screen';
import { startPopup } from '../../lib/popup/start-popup';
import './style.css';

// The history is read and painted without React or zod; the React popup (./mount-app, a chunk of its own) loads
// once that is on screen and takes over when it shows its history.
void startPopup(
  document.getElementById('first-screen') as HTMLElement,
  document.getElementById('root') as HTMLElement,
  readFirstScreen(),
  () => import('./mount-app'),
);
