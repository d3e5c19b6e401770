import { countrySpecs } from 'ibantools';

/** True when an IBAN (spaces allowed) has its country's length and passes ISO 7064 mod 97-10. */
export function ibanValid(input: string): boolean {
  const iban = input.replace(/ /g, '').toUpperCase();
  const spec = countrySpecs[iban.slice(0, 2)];
  if (!spec?.chars || iban.length !== spec.chars) return false;
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** ISO 7064 mod 97 of an alphanumeric string (letters count as 10..35). */
export function mod97(s: string): number {
  let rest = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const digit of v) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}
