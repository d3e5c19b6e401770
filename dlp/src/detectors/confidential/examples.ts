/** Examples for the confidentiality markings. */
import type { Detector } from '../../types.ts';

export const confidentialExamples = {
  'confidential-label': {
    positive: [
      'CONFIDENTIAL\nQ3 board deck — revenue bridge and headcount plan\nSummarise the key risks.',
      'Classification: Confidential\nSubject: vendor pricing renegotiation',
      'Rewrite this memo [Strictly Confidential] in plain English.',
      'Proprietary and confidential. Acme Robotics 2025 roadmap follows.',
    ],
    negative: [
      "Don't worry, I'll keep it confidential between us.",
      'How should we handle confidential information in our onboarding docs?',
      'enum Sensitivity { PUBLIC, INTERNAL, CONFIDENTIAL }',
      'Our levels are Public, Internal, Confidential and Restricted.',
      'if (doc.level === Level.CONFIDENTIAL) redact(doc);',
    ],
  },
  'internal-use-only': {
    positive: [
      'FOR INTERNAL USE ONLY\nPricing guidance for enterprise renewals',
      'Summarise this [Internal] incident report for the exec team.',
    ],
    negative: ['The internal combustion engine was invented in the 1800s.', 'We moved the internal wiki to Notion.'],
  },
  'restricted-label': {
    positive: ['Sensitivity: Highly Restricted\nM&A target list attached.', 'RESTRICTED\nSalary bands 2025 by level'],
    negative: ['Access to the lab is restricted on weekends.', 'const RESTRICTED = 3;'],
  },
  'classification-marking': {
    positive: ['SECRET//NOFORN\n(S//NF) The program office will brief on Tuesday.', 'TOP SECRET//SI//REL TO USA, FVEY'],
    negative: ['The secret to good bread is a long proof.', 'Keep the client_secret in the vault.'],
  },
  'legal-privilege': {
    positive: [
      'PRIVILEGED & CONFIDENTIAL — ATTORNEY-CLIENT COMMUNICATION\nDraft settlement terms below.',
      'Attorney-Client Privileged: outside counsel notes on the audit.',
    ],
    negative: [
      'Does attorney-client privilege apply to in-house counsel?',
      'Users with privileged access must use MFA.',
    ],
  },
  'do-not-distribute': {
    positive: ['DRAFT — DO NOT DISTRIBUTE\nReorg plan for Q2.', 'Not for external distribution. Pricing sheet v3.'],
    negative: ['How do I distribute a Python package to PyPI?', 'The load balancer should distribute traffic evenly.'],
  },
  'trade-secret': {
    positive: [
      'TRADE SECRET — Formula 7B coating process, plant 3.',
      'This file contains trade secrets of Northwind Labs; summarise the process.',
    ],
    negative: ['What counts as a trade secret under US law?', 'Is a customer list a trade secret?'],
  },
  'mnpi-marking': {
    positive: [
      '[MNPI] Q2 earnings preview — do not trade until release.',
      'This deck contains material non-public information about the merger.',
    ],
    negative: [
      'What is MNPI and why does compliance care?',
      'Explain material non-public information in simple terms.',
    ],
  },
  'export-controlled': {
    positive: [
      'EXPORT CONTROLLED — ITAR-controlled technical data. Summarise the results.',
      'Firmware classified ECCN 5D002; subject to the EAR.',
    ],
    negative: ['Export the spreadsheet as CSV.', 'What does ITAR stand for?'],
  },
  'under-nda': {
    positive: [
      'Shared under NDA: Contoso unreleased roadmap for H2.',
      'These specs are subject to our NDA with Fabrikam.',
    ],
    negative: ['Do we need an NDA template for contractors?', 'Please draft an NDA for the new vendor.'],
  },
} satisfies Record<string, Detector['examples']>;
