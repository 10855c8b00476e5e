/** Trims a command or pattern and collapses runs of spaces, tabs and newlines into one space. */
export function normalizeCommand(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
