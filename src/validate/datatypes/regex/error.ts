/** An invalid XSD pattern, with the 0-based position (in UTF-16 code units) where parsing failed. */
export class XsdRegexError extends Error {
  constructor(
    readonly pattern: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`invalid XSD pattern at position ${position}: ${reason} in /${pattern}/`);
    this.name = "XsdRegexError";
  }
}
