/**
 * Confidentiality markings. Precision first: a word such as "confidential" counts only as a label — upper case,
 * in brackets, after "Classification:", or alone at the start of a line — never in ordinary prose.
 */
import type { Detector } from '../../types.ts';
import { lineAfter, lineBefore } from '../../validators/neighbourhood.ts';
import { confidentialExamples as ex } from './examples.ts';

const LEVEL = '(?:public|internal|restricted|confidential|secret)';
const LEVEL_LIST = new RegExp(`\\b${LEVEL}\\b[ \\t]{0,3}(?:[,|/<>]|\\bor\\b|\\band\\b)[ \\t]{0,3}\\b${LEVEL}\\b`, 'i');

/** How far on each side of a marking (same line only) the validator looks: bounded, so linear in the text. */
const REACH = 48;
/** Code right before an upper-case word: an assignment, a call, a brace, or a keyword such as `case`. */
const CODE_BEFORE = /(?:[={]|\w\(|\b(?:case|enum|const|let|var|return|if|elif|when)\b)[ \t]*["'`]?$/;
/** Code right after it: a statement end, an assignment or a member access. */
const CODE_AFTER = /^["'`]?[ \t]*(?:[;=]|\.\w)/;

/**
 * Rejects what is a list of levels rather than a marking ("Public, Internal, Confidential"), and for upper-case
 * words also code: enum members and constants (`= "CONFIDENTIAL"`, `case CONFIDENTIAL:`, `{ PUBLIC, SECRET }`).
 * Looks only at the match's own line, at most REACH characters on each side.
 */
export function looksLikeMarking(value: string, match?: RegExpExecArray): boolean {
  const before = lineBefore(match, REACH);
  const after = lineAfter(match, REACH);
  if (LEVEL_LIST.test(`${before}${match?.[0] ?? value}${after}`)) return false;
  if (/[a-z]/.test(value)) return true;
  if (CODE_BEFORE.test(before)) return false;
  if (/["'`]$/.test(before) && /^["'`]/.test(after)) return false;
  return !CODE_AFTER.test(after);
}

const HEAD = '^[ \\t>#*_|-]{0,6}';
const TAIL = '[ \\t*_]{0,3}(?:$|[-–—:|/(])';
const LABEL =
  '(?:[Cc]lassification|[Ss]ensitivity|[Dd]ata [Cc]lass(?:ification)?|[Ss]ecurity [Ll]evel|[Ll]abel)[ \\t]?[:=][ \\t]?';

export const labelDetectors: Detector[] = [
  {
    id: 'confidential-label',
    name: 'Confidential marking',
    category: 'confidential',
    description:
      '"CONFIDENTIAL" in capitals, [Confidential], "Classification: Confidential", a Confidential header line, or "Proprietary and confidential".',
    trigger: { keywords: ['confidential'] },
    pattern: new RegExp(
      [
        '(?<![\\w.])(?:(?:STRICTLY|HIGHLY|COMPANY|BUSINESS) )?CONFIDENTIAL(?![\\w])',
        '[\\[(][ \\t]?(?:[Ss]trictly |[Hh]ighly |[Cc]ompany )?[Cc]onfidential[ \\t]?[\\])]',
        `${LABEL}(?:[Ss]trictly |[Hh]ighly |[Cc]ompany )?[Cc]onfidential`,
        `${HEAD}(?:[Ss]trictly |[Hh]ighly |[Cc]ompany |[Bb]usiness )?[Cc]onfidential${TAIL}`,
        '[Pp]roprietary (?:and|&) [Cc]onfidential|[Cc]onfidential (?:and|&) [Pp]roprietary',
      ].join('|'),
      'gm',
    ),
    confidence: 'medium',
    validate: looksLikeMarking,
    context: ['do not distribute', 'internal use', 'privileged', 'distribution', 'recipient', 'proprietary'],
    examples: ex['confidential-label'],
  },
  {
    id: 'internal-use-only',
    name: 'Internal-use-only marking',
    category: 'confidential',
    description: '"For internal use only", "INTERNAL ONLY", [Internal] or "Classification: Internal".',
    trigger: { keywords: ['internal'] },
    pattern: new RegExp(
      [
        '(?:[Ff]or )?[Ii]nternal [Uu]se [Oo]nly',
        '(?:FOR )?INTERNAL (?:USE )?ONLY',
        '[\\[(][ \\t]?[Ii]nternal(?: [Oo]nly| [Uu]se)?[ \\t]?[\\])]',
        `${LABEL}[Ii]nternal\\b`,
        '[Ii]nternal [Dd]istribution [Oo]nly',
      ].join('|'),
      'g',
    ),
    confidence: 'medium',
    validate: looksLikeMarking,
    context: ['confidential', 'do not distribute', 'do not share', 'employees'],
    examples: ex['internal-use-only'],
  },
  {
    id: 'restricted-label',
    name: 'Restricted marking',
    category: 'confidential',
    description: '"Classification: Restricted", [Restricted] or a RESTRICTED header line.',
    trigger: { keywords: ['restricted'] },
    pattern: new RegExp(
      [
        `${LABEL}(?:[Hh]ighly )?[Rr]estricted\\b`,
        '[\\[(][ \\t]?(?:[Hh]ighly )?[Rr]estricted[ \\t]?[\\])]',
        `${HEAD}(?:HIGHLY )?RESTRICTED${TAIL}`,
      ].join('|'),
      'gm',
    ),
    confidence: 'medium',
    validate: looksLikeMarking,
    context: ['classification', 'do not distribute', 'confidential', 'need to know', 'authorised', 'authorized'],
    examples: ex['restricted-label'],
  },
  {
    id: 'classification-marking',
    name: 'Government classification marking',
    category: 'confidential',
    description: 'TOP SECRET, SECRET//…, portion marks such as (S//NF), NOFORN, FOUO, CUI and OFFICIAL-SENSITIVE.',
    trigger: {
      keywords: [
        'secret',
        'noforn',
        'fouo',
        'official use',
        'unclassified',
        'official-sensitive',
        'official sensitive',
        '//',
      ],
    },
    pattern:
      /(?<![\w.])(?:TOP SECRET(?:\/\/[A-Z][A-Z ,/-]{0,40})?|(?:SECRET|CONFIDENTIAL|CUI)\/\/[A-Z][A-Z ,/-]{0,40}|\((?:TS|S|C|U|CUI)\/\/[A-Z][A-Z ,/-]{0,30}\)|NOFORN|FOR OFFICIAL USE ONLY|CONTROLLED UNCLASSIFIED INFORMATION|OFFICIAL[- ]SENSITIVE|\(FOUO\)|\(U\/\/FOUO\))(?![\w])/g,
    confidence: 'medium',
    context: ['classified', 'clearance', 'classification', 'derived from', 'declassify', 'dissemination'],
    examples: ex['classification-marking'],
  },
];
