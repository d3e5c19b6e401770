/** Per ASCII code, its count in the value being measured (reset after each use). */
const asciiCounts = new Int32Array(128);
/** ASCII codes in order of first occurrence. */
const asciiOrder = new Int32Array(128);

/** Shannon entropy of a string, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // ASCII: counts in a typed array, summed in order of first occurrence like the general case, so the result is
  // the same to the last bit.
  let distinct = 0;
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    const seen = asciiCounts[c]!;
    asciiCounts[c] = seen + 1;
    if (seen === 0) asciiOrder[distinct++] = c;
  }
  if (ascii) {
    let h = 0;
    for (let k = 0; k < distinct; k++) {
      const c = asciiOrder[k]!;
      const p = asciiCounts[c]! / value.length;
      asciiCounts[c] = 0;
      h -= p * Math.log2(p);
    }
    return h;
  }
  for (let k = 0; k < distinct; k++) asciiCounts[asciiOrder[k]!] = 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of: lowercase, uppercase, digits, other characters occur in the value. */
export function charClasses(value: string): number {
  return (
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/[0-9]/.test(value)) +
    Number(/[^A-Za-z0-9]/.test(value))
  );
}
