import { describe, expect, it } from 'vitest';
import { allDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';

const scanner = createScanner({ detectors: allDetectors, salt: 'regressions' });
const ids = (text: string) => scanner.scan(text).map((f) => f.detector);

describe('precision and recall regressions found on the corpus', () => {
  it('takes a 24-character session id in a log for no Vercel token, even with Vercel nearby', () => {
    const log =
      'vercel deploy finished\n2024-06-10T10:00:00Z INFO token refreshed for session e4K7YwQVkaVRXtksu7d6vMm3';
    expect(ids(log)).not.toContain('vercel-token');
    expect(ids('vercel env: VERCEL_TOKEN="e4K7YwQVkaVRXtksu7d6vMm3"')).toContain('vercel-token');
  });

  it('takes a Unix time next to a time word for no NHS number', () => {
    expect(ids('NHS trust sync: created_at=1718035209')).not.toContain('uk-nhs-number');
    expect(ids('NHS trust sync: timestamp 1718035209 ok')).not.toContain('uk-nhs-number');
    expect(ids('NHS number 401 023 2137 for the referral')).toContain('uk-nhs-number');
  });

  it('finds account numbers after checking, savings, acct and a/c labels', () => {
    for (const text of [
      'checking account: 419880544621 at the bank',
      'wire transfer a/c: 3707224591',
      'sort code acct: 84755706807',
      'Bank: First Harbor, routing 021000021, account 95479933',
    ]) {
      expect(ids(text), text).toContain('bank-account-number');
    }
    expect(ids('AWS account: 123456789012 in eu-west-1')).not.toContain('bank-account-number');
  });

  it('finds markings in log lines that carry key=value fields', () => {
    expect(ids('2024-06-10T10:00:00Z INFO here: STRICTLY CONFIDENTIAL user=casey')).toContain('confidential-label');
    expect(ids('2024-06-10T10:00:00Z INFO DRAFT — DO NOT DISTRIBUTE user=kristian')).toContain('do-not-distribute');
    expect(ids('const level = "CONFIDENTIAL"; // user=casey')).not.toContain('confidential-label');
  });

  it('takes a card-shaped stretch inside a long list of digit groups for no card', () => {
    const groups = '5021 8812 4432 9077 6655 1020 3398 4410 8765 0012 5566 7788 9900 1122 3344';
    expect(ids(`batch ${groups}`).filter((id) => id.startsWith('payment-card'))).toEqual([]);
    expect(ids('card 4539 1488 0343 6467 exp 12/27')).toContain('payment-card-visa');
  });
});
