import { describe, expect, it } from 'vitest';
import { fileType, isTextLike, readTextFile } from './text-file.ts';

describe('text files', () => {
  it.each([
    { name: 'notes.txt', type: '', text: true },
    { name: 'deploy.env', type: '', text: true },
    { name: 'data.csv', type: 'text/csv', text: true },
    { name: 'blob', type: 'application/json', text: true },
    { name: 'main.RS', type: '', text: true },
    { name: 'Dockerfile', type: '', text: true },
    { name: 'photo.png', type: 'image/png', text: false },
    { name: 'report.pdf', type: 'application/pdf', text: false },
    { name: 'archive.zip', type: 'application/zip', text: false },
  ])('$name ($type) text-like: $text', ({ name, type, text }) => {
    expect(isTextLike({ name, type })).toBe(text);
  });
  it('reads small text files and refuses large or binary ones', async () => {
    expect(await readTextFile(new File(['hello'], 'a.txt'), 10)).toBe('hello');
    expect(await readTextFile(new File(['hello world!'], 'a.txt'), 10)).toBeNull();
    expect(await readTextFile(new File(['x'], 'a.png', { type: 'image/png' }), 10)).toBeNull();
  });
  it.each([
    ['a.TXT', 'txt'],
    ['noext', 'none'],
    ['x.tar.gz', 'gz'],
  ])('fileType(%s) = %s', (name, type) => {
    expect(fileType({ name })).toBe(type);
  });
});
