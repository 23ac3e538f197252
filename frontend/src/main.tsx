// The entry script, small on purpose: it starts the first screen's API request (and a market
// page's code) while the app's JavaScript — modulepreloaded from index.html — is still
// downloading, then starts the app. It is an async module script, so it runs as soon as it has
// arrived instead of waiting for the stylesheet. See docs/FRONTEND.md, "Lighthouse".
import './index.css';
import { startEarlyRequests } from './app/early-requests';
import { warmUpFormatters } from './lib/format';
import { preferredLang } from './lib/i18n/lang';

startEarlyRequests(window.location.pathname, window.location.search);
// In a task of its own, while the network is busy with the app's code.
setTimeout(() => warmUpFormatters(preferredLang()), 0);

const parsed =
  document.readyState === 'loading'
    ? new Promise((resolve) =>
        document.addEventListener('DOMContentLoaded', resolve, { once: true }),
      )
    : Promise.resolve();
// Ionic (with React) is evaluated as soon as it has arrived, in a task of its own; the rest of
// the app after it. One module graph would be evaluated in one long task.
const app = import('@ionic/react').then(() => import('./app/start'));
void Promise.all([app, parsed]).then(([{ start }]) =>
  start(document.getElementById('root')!, window.location.pathname),
);
