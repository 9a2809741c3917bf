// What "BAES: Fix All" tells the user, from the server's `baes.fixAll` answer
// `{applied, fixed: [rule ids], skipped: n}`. Pure.
import { asRecord } from './values';

export function describeFixAll(value: unknown): string {
  const record = asRecord(value) ?? {};
  const fixed = Array.isArray(record.fixed) ? record.fixed.filter((id): id is string => typeof id === 'string') : [];
  const skipped = typeof record.skipped === 'number' && record.skipped > 0 ? record.skipped : 0;
  const skippedText = skipped > 0 ? ` ${skipped} left for you (unsafe fixes, or no automatic fix).` : '';
  if (record.applied !== true || fixed.length === 0) {
    return `BAES: nothing to fix automatically in this file.${skippedText}`;
  }
  const counts = new Map<string, number>();
  for (const id of fixed) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const list = [...counts.entries()].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
  return `BAES: fixed ${fixed.length} finding${fixed.length === 1 ? '' : 's'} (${list}).${skippedText}`;
}
