// The part of the Sentry SDK the app uses, in a module of its own: error-tracking.ts imports it
// dynamically, so only this (tree-shaken) chunk is downloaded, and only when there is a DSN.
export { init } from '@sentry/react';
