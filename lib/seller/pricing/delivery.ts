/** `days` business days after `from` (Saturday and Sunday skipped), at 18:00 UTC. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 18));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return date;
}

export function deliveryWindow(
  from: Date,
  minDays: number,
  maxDays: number,
): { earliest: string; latest: string } {
  return {
    earliest: addBusinessDays(from, minDays).toISOString(),
    latest: addBusinessDays(from, maxDays).toISOString(),
  };
}
