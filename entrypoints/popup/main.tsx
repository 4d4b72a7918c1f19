import { browser } from 'wxt/browser';
import { fitPopupToWindow } from '../../lib/popup/fit-popup-to-window';
import { startPopup } from '../../lib/popup/start-popup';
import './style.css';

// The history is read and painted without React or zod by popup-first-screen.js, which ran before this module (in
// a build it starts this module once the first screen is on screen); the React popup (./mount-app, a chunk of its
// own) loads once that is on screen and takes over when it shows its history.
void startPopup(
  document.getElementById('root') as HTMLElement,
  window.savepointFirstScreen,
  () => import('./mount-app'),
);
// A browser zoomed in gives the popup a smaller window than its frame: the frame fits it.
fitPopupToWindow(browser.tabs.getZoomSettings().then((settings) => settings.defaultZoomFactor ?? 1));
