const TITLE_LENGTH = 60;

/** A chat's title: the first line of the buyer's first message, shortened to fit a sidebar row. */
export function chatTitle(firstMessage: string): string {
  const line = firstMessage.replace(/\s+/g, ' ').trim();
  if (!line) return '…';
  const chars = Array.from(line);
  return chars.length <= TITLE_LENGTH
    ? line
    : `${chars
        .slice(0, TITLE_LENGTH - 1)
        .join('')
        .trimEnd()}…`;
}
