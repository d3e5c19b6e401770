import { v7 as uuidv7 } from 'uuid';
import type { DeviceEvent } from '../src/protocol/extension.ts';

const services = [
  ['chatgpt.com', 'chatgpt'],
  ['claude.ai', 'claude'],
  ['gemini.google.com', 'gemini'],
  ['copilot.microsoft.com', 'microsoft-copilot'],
  ['www.perplexity.ai', 'perplexity'],
  ['chat.deepseek.com', 'deepseek'],
] as const;

/** A realistic mix of extension events at `now`: visits, interactions, surfaces, DLP hits, adapter problems. */
export function makeLoadEvent(i: number, now: number): DeviceEvent {
  const [host, serviceId] = services[i % services.length]!;
  const at = new Date(now - (i % 3600) * 1000);
  const id = uuidv7({ msecs: at.getTime() });
  const base = { id, at: at.toISOString(), host, serviceId };
  const r = i % 20;
  if (r < 6) return { ...base, kind: 'visit' };
  if (r < 14)
    return {
      ...base,
      kind: 'interaction',
      action: r < 11 ? 'prompt' : 'paste',
      accountType: r % 2 ? 'personal' : 'corporate',
      chars: 200 + r * 37,
    };
  if (r < 16) return { ...base, kind: 'surface', adapter: serviceId, accountType: 'personal' };
  if (r < 19) {
    return {
      ...base,
      kind: 'dlp',
      trigger: 'paste',
      accountType: 'personal',
      mode: 'enforce',
      action: r === 18 ? 'block' : 'warn',
      decision: r === 18 ? null : 'proceeded',
      findings: [
        {
          detector: r === 16 ? 'aws-access-key-id' : 'email-address',
          category: r === 16 ? 'secret' : 'pii',
          confidence: 'high',
          count: 1 + (i % 3),
          hashes: ['5f4dcc3b5aa765d61d8327deb882cf99'],
        },
      ],
    };
  }
  return { ...base, kind: 'adapter_health', adapter: serviceId, problem: 'input_not_found' };
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
