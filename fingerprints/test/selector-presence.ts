/**
 * A deliberately small check that an HTML fixture contains what a CSS selector asks for, without a DOM:
 * every tag, id, class and attribute (with its value) named by one of the selector's alternatives must occur
 * in the text. It cannot prove the structure matches; the browser suite does that against real pages.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `name="value"`, `name='value'` or an unquoted `name=value`, exactly. */
function exactAttribute(name: string, value: string): RegExp {
  const n = escapeRegExp(name);
  const v = escapeRegExp(value);
  return new RegExp(`\\s${n}=(?:"${v}"|'${v}'|${v}(?=[\\s>]))`, 'i');
}

function compoundPresent(html: string, selector: string): boolean {
  // Negations say what must not be there; other pseudo-classes say nothing about the markup's tokens.
  let rest = selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, ' ').replace(/:has\(/g, ' ');
  const checks: RegExp[] = [];
  rest = rest.replace(
    /\[\s*([\w:-]+)\s*(?:([*^$~|]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*(?:[is])?)?\s*\]/g,
    (_, name, op, dq, sq, bare) => {
      const value: string | undefined = dq ?? sq ?? bare;
      if (value === undefined) checks.push(new RegExp(`\\s${escapeRegExp(name)}[\\s=>/]`, 'i'));
      else if (op === '=') checks.push(exactAttribute(name, value));
      else checks.push(new RegExp(`\\s${escapeRegExp(name)}=["']?[^"'>]*${escapeRegExp(value)}`, 'i'));
      return ' ';
    },
  );
  rest = rest.replace(/#([\w-]+)/g, (_, id) => {
    checks.push(exactAttribute('id', id));
    return ' ';
  });
  rest = rest.replace(/\.([\w-]+)/g, (_, cls) => {
    checks.push(new RegExp(`\\sclass=["'][^"']*(?<![\\w-])${escapeRegExp(cls)}(?![\\w-])`));
    return ' ';
  });
  rest = rest.replace(/::?[\w-]+(?:\([^)]*\))?/g, ' ');
  for (const tag of rest.split(/[\s>+~()*]+/).filter((t) => /^[a-z][\w-]*$/i.test(t))) {
    checks.push(new RegExp(`<${escapeRegExp(tag)}[\\s>/]`, 'i'));
  }
  return checks.length > 0 && checks.every((re) => re.test(html));
}

/** True when every token of at least one alternative of `selector` (a comma-separated list) occurs in `html`. */
export function selectorPresentIn(html: string, selector: string): boolean {
  return selector.split(/,(?![^[(]*[\])])/).some((alt) => compoundPresent(html, alt.trim()));
}
