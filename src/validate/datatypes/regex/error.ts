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

/** A valid pattern refused because matching it without backtracking would need too large an automaton. */
export class XsdRegexTooComplex extends XsdRegexError {
  constructor(pattern: string, readonly states: number) {
    super(pattern, 0, `too complex: matching it in linear time would need more than ${states} automaton states (nested counted repetitions multiply)`);
    this.name = "XsdRegexTooComplex";
  }
}

/** Matching one value would take more automaton work than MAX_NFA_WORK: the value is left undecided. */
export class XsdRegexTooCostly extends Error {
  constructor(readonly limit: number) {
    super(`matching the value would take more than ${limit} automaton steps`);
    this.name = "XsdRegexTooCostly";
  }
}
