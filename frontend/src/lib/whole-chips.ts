/**
 * Reading an amount of chips as the user types it. Chips are whole numbers: "1.5" is refused as
 * "whole chips only" instead of being stripped to "15" (which multiplied decimals by ten).
 * Digit grouping ("1,000", "1 000") is accepted.
 */
export type ChipsInput =
  { kind: 'empty' } | { kind: 'whole'; chips: number } | { kind: 'fraction' } | { kind: 'invalid' };

export function readChips(raw: string): ChipsInput {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (/^\d{1,3}([, ]\d{3})+$/.test(text))
    return { kind: 'whole', chips: Number(text.replace(/[, ]/g, '')) };
  if (/^-?\d+$/.test(text)) return { kind: 'whole', chips: Number(text) };
  if (/^-?\d*[.,]\d*$/.test(text) && /\d/.test(text)) return { kind: 'fraction' };
  return { kind: 'invalid' };
}

/** What the input field may hold while typing: digits, one separator, grouping, a minus. */
export function keepTyping(raw: string): string {
  return raw.replace(/[^\d.,\s-]/g, '').slice(0, 12);
}
