/** Shared checksum and structure helpers for the identifier detectors (pure functions, browser-safe). */
import type { ValidateReturn } from 'stdnum/lib/esm/types.js';
import { lineAfter, lineBefore } from '../../validators/neighbourhood.ts';

/** The digits of a value, separators dropped. */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Luhn (mod 10) over a digit string; true when the last digit is a correct check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Weighted sum of digits with the given weights (left to right). */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum;
}

/** True when year/month/day form a real calendar date. */
export function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** True when all characters of the value are the same (a placeholder such as 000000000). */
export function allSame(value: string): boolean {
  return value.length > 1 && value.split('').every((c) => c === value[0]);
}

/** Adapts a stdnum validator to `(value) => boolean`; a thrown error counts as invalid. */
export function stdnumCheck(validate: (value: string) => ValidateReturn): (value: string) => boolean {
  return (value) => {
    try {
      return validate(value).isValid;
    } catch {
      return false;
    }
  };
}

/** True when the value uses either no separator or one separator style consistently among `seps`. */
export function consistentSeparators(value: string, seps: string): boolean {
  const used = new Set(value.split('').filter((c) => seps.includes(c)));
  return used.size <= 1;
}

/** A word or key that names a time: `timestamp`, `created_at`, `ts=`, `epoch`, `expires`, `iat`, `at`. */
const TIME_WORD =
  /(?:\b(?:time|timestamp|ts|epoch|unix|date|datetime|created|updated|modified|deleted|expires?|expiry|exp|iat|nbf|at|seconds?|secs?|ms)|_at|At)(?![a-z])/;

/**
 * True for a bare ten-digit value 1000000000-1999999999 (a Unix time in seconds, 2001-2033) with a time word on
 * its line within 32 characters before or 16 after: such a number is a timestamp, not an identifier.
 */
export function isEpochNearTimeWord(value: string, match?: RegExpExecArray): boolean {
  if (!/^1\d{9}$/.test(value)) return false;
  return TIME_WORD.test(lineBefore(match, 32)) || TIME_WORD.test(lineAfter(match, 16));
}
