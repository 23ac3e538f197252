import { isApiError } from '@/lib/api-client';

/** Splits a failed auth call into per-field messages and one form-level message. */
export function splitErrors(error: unknown): { fields: Record<string, string>; form?: string } {
  if (!isApiError(error)) return { fields: {}, form: error ? String(error) : undefined };
  const fields: Record<string, string> = {};
  let form: string | undefined;
  for (const e of error.errors) {
    if (e.field) fields[e.field] ??= e.message;
    else form ??= e.message;
  }
  return { fields, form };
}
