// The entry script, small on purpose: it starts the first screen's API request (and a market
// page's route code) while the app's JavaScript — preloaded from index.html — is still
// downloading, then starts the app. See docs/FRONTEND.md, "Lighthouse".
import './index.css';
import { startEarlyRequests } from './app/early-requests';
import { primedSettled } from './lib/api-client';

startEarlyRequests(window.location.pathname);
void import('./app/start').then(async ({ start }) => {
  // The request normally lands long before the app's code; if its answer is still being read,
  // wait a moment so the first render shows the data rather than skeletons (one render, not two).
  await primedSettled(250);
  start(document.getElementById('root')!);
});
