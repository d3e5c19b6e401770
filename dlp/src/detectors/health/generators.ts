/** Random valid values for the health detectors. */
import { chars, digits, int, pick, until } from '../pii/random.ts';
import { validDea, validMbi, validNpi } from './health.ts';

const A = 'ACDEFGHJKMNPQRTUVWXY';
const AN = `${A}0123456789`;

export const healthValueGenerators: Record<string, () => string> = {
  'us-npi': () => until(() => String(int(1, 2)) + digits(9), validNpi),
  'dea-number': () => until(() => chars('ABFGM', 1) + chars('ACDEHKLMPRSTW', 1) + digits(7), validDea),
  'medicare-mbi': () =>
    until(() => {
      const v = `${int(1, 9)}${chars(A, 1)}${chars(AN, 1)}${digits(1)}${chars(A, 1)}${chars(AN, 1)}${digits(1)}${chars(A, 2)}${digits(2)}`;
      return pick([v, `${v.slice(0, 4)}-${v.slice(4, 7)}-${v.slice(7)}`]);
    }, validMbi),
  'medical-record-number': () => pick(['', 'MR', 'H']) + String(int(1, 9)) + digits(int(5, 8)),
  'health-plan-member-id': () => chars('ABCDEFGHJKLMNPRSTUVWXYZ', 3) + String(int(1, 9)) + digits(8),
  'icd-10-code': () =>
    pick(['E11.9', 'J06.9', 'J45.909', 'M54.5', 'F41.1', 'K21.9', 'E78.5', 'N39.0', 'G43.909', 'R51.9']),
};
