const TEXT_EXTENSIONS = new Set(
  (
    'txt md markdown csv tsv json jsonl ndjson xml yaml yml toml ini cfg conf env properties log sql html htm css ' +
    'js mjs cjs ts tsx jsx py rb go rs java kt kts scala c h cc cpp hpp cs php pl sh bash zsh ps1 bat swift m r ' +
    'lua dart vue svelte tf hcl gradle pem key crt cer pub ipynb tex rst adoc srt vtt'
  ).split(' '),
);
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-yaml|yaml|javascript|x-sh|sql|x-ndjson|toml|x-pem-file)\b)/;

/** True for files worth reading as text: text MIME types or a known text/source-code extension. */
export function isTextLike(file: Pick<File, 'name' | 'type'>): boolean {
  if (TEXT_TYPES.test(file.type)) return true;
  const dot = file.name.lastIndexOf('.');
  const ext = dot === -1 ? file.name.toLowerCase() : file.name.slice(dot + 1).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || file.name.toLowerCase() === 'dockerfile';
}

/** A file's extension for reporting (lower case, at most 20 characters), or `none`. */
export function fileType(file: Pick<File, 'name'>): string {
  const dot = file.name.lastIndexOf('.');
  return dot === -1
    ? 'none'
    : file.name
        .slice(dot + 1)
        .toLowerCase()
        .slice(0, 20) || 'none';
}

/** The file's text when it is text-like and at most `maxBytes`, otherwise null (unscannable). */
export async function readTextFile(file: File, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes || !isTextLike(file)) return null;
  return file.text();
}
