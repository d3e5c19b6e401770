/** Maps UTF-16 offsets to 1-based line and column; offsets must be asked in ascending order for speed. */
export function createLineIndex(text: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return (offset) => {
    if (offset < scanned) {
      line = 1;
      lineStart = 0;
      scanned = 0;
    }
    for (let i = text.indexOf('\n', scanned); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = offset;
    return { line, column: offset - lineStart + 1 };
  };
}
