/** Legal and regulatory markings: privilege, distribution limits, trade secrets, MNPI, export control, NDA. */
import type { Detector } from '../../types.ts';
import { confidentialExamples as ex } from './examples.ts';
import { looksLikeMarking } from './labels.ts';

const HEAD = '^[ \\t>#*_|-]{0,6}';
const TAIL = '[ \\t*_]{0,3}(?:$|[-–—:|/(])';

export const legalDetectors: Detector[] = [
  {
    id: 'legal-privilege',
    name: 'Legal privilege marking',
    category: 'confidential',
    description:
      '"Attorney-client privileged", "Privileged & confidential", "Attorney Work Product" or "Legally privileged".',
    trigger: { keywords: ['privileged', 'work product'] },
    pattern:
      /[Aa]ttorney[- ][Cc]lient [Pp]rivileged|ATTORNEY[- ]CLIENT PRIVILEGED?|[Pp]rivileged (?:and|&) [Cc]onfidential|PRIVILEGED (?:AND|&) CONFIDENTIAL|Attorney Work Product|ATTORNEY WORK PRODUCT|[Ll]egally [Pp]rivileged|LEGALLY PRIVILEGED|[Pp]rivileged (?:[Ll]egal )?[Cc]ommunication/g,
    confidence: 'medium',
    context: ['counsel', 'attorney', 'legal', 'litigation', 'law firm', 'do not forward'],
    examples: ex['legal-privilege'],
  },
  {
    id: 'do-not-distribute',
    name: 'Distribution restriction',
    category: 'confidential',
    description: '"Do not distribute", "Not for external distribution", "Do not forward this", "Limited distribution".',
    trigger: { keywords: ['distribut', 'do not forward', 'do not copy'] },
    pattern:
      /[Dd]o [Nn]ot (?:[Cc]opy or )?[Dd]istribute|DO NOT (?:COPY OR )?DISTRIBUTE|[Dd]o [Nn]ot [Ff]orward (?:this|externally|outside)|DO NOT FORWARD|[Nn]ot [Ff]or (?:[Ee]xternal |[Pp]ublic |[Ff]urther )?[Dd]istribution|NOT FOR (?:EXTERNAL |PUBLIC |FURTHER )?DISTRIBUTION|[Nn]o [Ee]xternal [Dd]istribution|[Ll]imited [Dd]istribution|LIMITED DISTRIBUTION/g,
    confidence: 'medium',
    validate: looksLikeMarking,
    context: ['confidential', 'internal', 'recipient', 'draft', 'board'],
    examples: ex['do-not-distribute'],
  },
  {
    id: 'trade-secret',
    name: 'Trade secret marking',
    category: 'confidential',
    description: 'TRADE SECRET in capitals, [Trade Secret], a Trade secret header line, or "contains trade secrets".',
    trigger: { keywords: ['trade secret'] },
    pattern: new RegExp(
      [
        '(?<![\\w.])TRADE SECRETS?(?![\\w])',
        '[\\[(][ \\t]?[Tt]rade [Ss]ecret[ \\t]?[\\])]',
        `${HEAD}[Tt]rade [Ss]ecret${TAIL}`,
        '[Cc]ontains (?:[Cc]onfidential )?(?:[Ii]nformation and )?[Tt]rade [Ss]ecrets?',
      ].join('|'),
      'gm',
    ),
    confidence: 'medium',
    validate: looksLikeMarking,
    context: ['proprietary', 'confidential', 'formula', 'source code', 'process'],
    examples: ex['trade-secret'],
  },
  {
    id: 'mnpi-marking',
    name: 'Material non-public information marking',
    category: 'confidential',
    description: '[MNPI], "MNPI –" headers, "contains material non-public information", or the phrase in capitals.',
    trigger: { keywords: ['mnpi', 'non-public', 'nonpublic', 'inside information'] },
    pattern: new RegExp(
      [
        '[\\[(][ \\t]?MNPI[ \\t]?[\\])]',
        `${HEAD}MNPI${TAIL}`,
        '[Cc]ontains (?:MNPI|[Mm]aterial,? [Nn]on-?[Pp]ublic [Ii]nformation)',
        'MATERIAL,? NON-?PUBLIC INFORMATION',
        '[Ii]nside [Ii]nformation[ \\t]{0,2}[-–—:]|INSIDE INFORMATION',
        'MNPI[ \\t]{0,2}[-–—:][ \\t]{0,2}[Dd]o [Nn]ot [Tt]rade',
      ].join('|'),
      'gm',
    ),
    confidence: 'medium',
    context: ['do not trade', 'blackout', 'trading window', 'embargo', 'earnings', 'acquisition', 'wall-crossed'],
    examples: ex['mnpi-marking'],
  },
  {
    id: 'export-controlled',
    name: 'Export control marking',
    category: 'confidential',
    description: 'EXPORT CONTROLLED, ITAR-controlled, "subject to the EAR/ITAR", EAR99 or an ECCN such as 5D002.',
    trigger: { keywords: ['export', 'itar', 'ear99', 'eccn'] },
    pattern:
      /EXPORT[- ]CONTROLLED|[Ee]xport[- ][Cc]ontrolled (?:[Tt]echnical )?(?:[Dd]ata|[Ii]nformation|[Dd]ocument|[Tt]echnology)|ITAR[- ](?:[Cc]ontrolled|[Rr]estricted|[Rr]egulated|CONTROLLED|RESTRICTED)|[Ss]ubject to (?:the )?(?:ITAR|EAR\b|[Ee]xport [Aa]dministration [Rr]egulations|[Ii]nternational [Tt]raffic in [Aa]rms)|\bEAR99\b|\bECCN:? ?\d[A-E]\d{3}\b/g,
    confidence: 'medium',
    context: ['export', 'license', 'foreign person', 'deemed export', 'bis', 'ddtc'],
    examples: ex['export-controlled'],
  },
  {
    id: 'under-nda',
    name: 'NDA marking',
    category: 'confidential',
    description: '"Under NDA", "subject to the NDA", "covered by our NDA", "NDA-protected" or [NDA].',
    trigger: { keywords: ['nda', 'non-disclosure'] },
    pattern:
      /[Uu]nder (?:an? |the |our )?(?:NDA|[Nn]on-[Dd]isclosure [Aa]greement)\b|UNDER NDA|[Ss]ubject to (?:an? |the |our )?(?:NDA|[Nn]on-[Dd]isclosure [Aa]greement)\b|(?:NDA|[Nn]on-[Dd]isclosure)[- ][Pp]rotected|[Cc]overed by (?:an? |the |our )?NDA\b|[[(]NDA[\])]/g,
    confidence: 'medium',
    context: ['confidential', 'do not share', 'partner', 'roadmap', 'unreleased'],
    examples: ex['under-nda'],
  },
];
