/**
 * Names for the API's payloads. Every type here is an alias of one generated from the server's
 * OpenAPI document (lib/api/schema.ts, `npm run api:types`): never write a payload type by hand.
 */
import type { components } from './api/schema';

/** Every schema of the document, by name: `Schemas['MarketDetail']`. */
export type Schemas = components['schemas'];

export type Category = Schemas['MarketCategory'];
/** Every category, in the order the app lists them (the `satisfies` keeps the list complete). */
export const CATEGORIES = Object.keys({
  election: true,
  politics: true,
  sports: true,
  crypto: true,
  entertainment: true,
  other: true,
} satisfies Record<Category, true>) as Category[];

export type MarketStatus = Schemas['MarketStatus'];
export type Outcome = Schemas['OutcomeView'];
export type MarketSummary = Schemas['MarketSummary'];
export type MarketDetail = Schemas['MarketDetail'];
export type Resolution = Schemas['ResolutionView'];
/** The caller's forecast on a market (`my_forecast`). */
export type Forecast = Schemas['Position'];
export type ForecastStatus = Forecast['status'];

export type Role = Schemas['UserRole'];
export type Badge = Schemas['Badge'];
export type CurrentUser = Schemas['PrivateProfile'];
/** GET /users/{id}: the public view (no email, no chips). */
export type PublicProfile = Schemas['PublicProfile'];
/** A user as lists show them: id, name, avatar. */
export type PublicUser = Schemas['Forecaster'];

export function isStaff(user: CurrentUser | null | undefined): boolean {
  return !!user && ['moderator', 'admin', 'superadmin'].includes(user.role);
}
