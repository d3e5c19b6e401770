import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Service, serviceSchema } from './schema.ts';

/** Data that failed validation; `problems` holds one line per problem, each naming the file and the field. */
export class CatalogDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`fingerprint data has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogDataError';
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${field}: ${issue.message}`;
}

/** Parses and validates one service file's text; `label` names the file in messages. */
export function parseServiceFile(
  label: string,
  text: string,
): { ok: true; service: Service } | { ok: false; problems: string[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => `${label}: YAML: ${e.message.split('\n')[0]}`) };
  }
  const parsed = serviceSchema.safeParse(doc.toJS());
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${label}: ${describeIssue(i)}`) };
  const expected = basename(label).replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expected) {
    return { ok: false, problems: [`${label}: id: "${parsed.data.id}" must equal the file name "${expected}"`] };
  }
  return { ok: true, service: parsed.data };
}

/** Lists the service files (`*.yaml`) of a directory, sorted by name. */
export async function listServiceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir);
  return entries.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
}

/** Reads and validates every service file in `dir`; throws `CatalogDataError` listing every problem found. */
export async function loadServices(dir: string): Promise<Service[]> {
  const files = await listServiceFiles(dir);
  const services: Service[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const label = `services/${file}`;
    if (!file.endsWith('.yaml')) {
      problems.push(`${label}: service files end in .yaml`);
      continue;
    }
    const result = parseServiceFile(label, await readFile(join(dir, file), 'utf8'));
    if (result.ok) services.push(result.service);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new CatalogDataError(problems);
  return services;
}
