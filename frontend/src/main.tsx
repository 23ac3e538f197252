// The entry script, small on purpose: it starts the first screen's API request (and a market
// page's code) while the app's JavaScript — modulepreloaded from index.html — is still
// downloading, then starts the app. See docs/FRONTEND.md, "Lighthouse".
import './index.css';
import { startEarlyRequests } from './app/early-requests';
import { warmUpFormatters } from './lib/format';
import { preferredLang } from './lib/i18n/lang';

startEarlyRequests(window.location.pathname);
// In a task of its own, while the network is busy with the app's code.
setTimeout(() => warmUpFormatters(preferredLang()), 0);
void import('./app/start').then(({ start }) =>
  start(document.getElementById('root')!, window.location.pathname),
);
