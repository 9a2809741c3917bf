// Small readers for the untyped values the server answers with, and for caught errors. Pure.

/** The value as a record when it is a non-null object (arrays included), else undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** What to tell the user about a caught error: an Error's message, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
