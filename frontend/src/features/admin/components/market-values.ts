/** `datetime-local` values are entered in Manila time (UTC+8, no DST). */
export function manilaToIso(local: string): string | undefined {
  if (!local) return undefined;
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}+08:00`;
}

/** ISO instant → `datetime-local` value in Manila time (UTC+8, no DST). */
export function isoToManila(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16);
}

/** One outcome per line: 2 to 20 names, no two alike; null otherwise. */
export function parseOutcomes(text: string): string[] | null {
  const names = text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const unique = new Set(names.map((n) => n.toLowerCase()));
  if (names.length < 2 || names.length > 20 || unique.size !== names.length) return null;
  return names;
}
