/** Random markings for the confidentiality detectors (each value is itself a complete marking). */
import { pick } from '../pii/random.ts';

export const confidentialValueGenerators: Record<string, () => string> = {
  'confidential-label': () =>
    pick([
      'CONFIDENTIAL',
      'STRICTLY CONFIDENTIAL',
      '[Confidential]',
      'Classification: Confidential',
      'Proprietary and confidential',
    ]),
  'internal-use-only': () =>
    pick(['FOR INTERNAL USE ONLY', 'Internal use only', '[Internal]', 'Sensitivity: Internal']),
  'restricted-label': () => pick(['Classification: Restricted', '[Restricted]', 'Sensitivity: Highly Restricted']),
  'classification-marking': () =>
    pick(['TOP SECRET', 'SECRET//NOFORN', '(S//NF)', 'CONTROLLED UNCLASSIFIED INFORMATION']),
  'legal-privilege': () => pick(['Attorney-Client Privileged', 'Privileged & Confidential', 'ATTORNEY WORK PRODUCT']),
  'do-not-distribute': () => pick(['DO NOT DISTRIBUTE', 'Do not distribute', 'Not for external distribution']),
  'trade-secret': () => pick(['TRADE SECRET', '[Trade Secret]', 'Contains trade secrets']),
  'mnpi-marking': () => pick(['[MNPI]', 'Contains material non-public information', 'MATERIAL NON-PUBLIC INFORMATION']),
  'export-controlled': () => pick(['EXPORT CONTROLLED', 'ITAR-controlled', 'Subject to the EAR', 'ECCN 5D002']),
  'under-nda': () => pick(['under NDA', 'subject to our NDA', 'NDA-protected', '[NDA]', 'covered by the NDA']),
};
