import { describe, expect, it } from 'vitest';
import { maxSlowInputLength, parseTarget, targetPath } from './parse-target.ts';

const hostOf = (input: unknown) => parseTarget(input)?.host ?? null;
const pathOf = (input: string) => {
  const t = parseTarget(input);
  return t && targetPath(t);
};

describe('parseTarget', () => {
  it.each([
    ['https://chatgpt.com/c/1', 'chatgpt.com'],
    ['http://chatgpt.com', 'chatgpt.com'],
    ['chatgpt.com', 'chatgpt.com'],
    ['chatgpt.com/c/1?x=1', 'chatgpt.com'],
    ['HTTPS://ChatGPT.COM/', 'chatgpt.com'],
    ['https://chatgpt.com./', 'chatgpt.com'],
    ['chatgpt.com.', 'chatgpt.com'],
    ['https://chatgpt.com:443/x', 'chatgpt.com'],
    ['chatgpt.com:8443', 'chatgpt.com'],
    ['  https://chatgpt.com/  ', 'chatgpt.com'],
    ['https://chatgpt.com@evil.example/', 'evil.example'],
    ['https://user:pass@evil.example:8080/chatgpt.com', 'evil.example'],
    ['chatgpt.com@evil.example', 'evil.example'],
    ['https://chatgpt.com%2F@evil.example/', 'evil.example'],
    ['https://evil.example\\@chatgpt.com/', 'evil.example'],
    ['https://chatgpt.com\\@evil.example/', 'chatgpt.com'],
    ['https://evil.example/?u=chatgpt.com', 'evil.example'],
    ['https://evil.example#@chatgpt.com', 'evil.example'],
    ['https://chat\tgpt.com/', 'chatgpt.com'],
    ['https://chat%67pt.com/', 'chatgpt.com'],
    ['https://chatgpt\u3002com/', 'chatgpt.com'],
    ['https:///chatgpt.com', 'chatgpt.com'],
    ['//chatgpt.com/c/1', 'chatgpt.com'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
    ['https://XN--BCHER-KVA.DE/', 'xn--bcher-kva.de'],
    ['https://1.2.3.4/', '1.2.3.4'],
    ['https://0x7f.1/', '127.0.0.1'],
    ['https://[::1]:8080/', '[::1]'],
    ['blob:https://chatgpt.com/4b1c-uuid', 'chatgpt.com'],
    ['blob:https://evil.example/chatgpt.com', 'evil.example'],
  ])('%j -> %s', (input, host) => {
    expect(hostOf(input)).toBe(host);
  });

  it.each([
    ['data:text/html,<a href="https://chatgpt.com">x</a>'],
    ['javascript:location="https://chatgpt.com"'],
    ['JavaScript:alert(1)//chatgpt.com'],
    ['file:///home/user/chatgpt.com.html'],
    ['ftp://chatgpt.com/'],
    ['mailto:someone@chatgpt.com'],
    ['about:blank'],
    ['chrome://settings'],
    ['blob:null/1234'],
    ['blob:blob:https://chatgpt.com/x'],
    ['blob:chatgpt.com'],
    [''],
    ['   '],
    ['not a url at all'],
    ['https://'],
    ['https://chatgpt.com:99999/'],
    ['https://<script>/'],
    [`https://${'a'.repeat(300)}.com/`],
    [`https://${'a.'.repeat(maxSlowInputLength)}com@chatgpt.com/`],
  ])('%j has no web host', (input) => {
    expect(parseTarget(input)).toBeNull();
  });

  it('rejects non-string input', () => {
    for (const input of [null, undefined, 42, {}, ['chatgpt.com']]) expect(parseTarget(input)).toBeNull();
  });

  it('handles a very long URL quickly and still finds its host', () => {
    const long = `https://chatgpt.com/${'x'.repeat(2_000_000)}`;
    const start = performance.now();
    expect(hostOf(long)).toBe('chatgpt.com');
    expect(hostOf(`https://evil.example/${'%'.repeat(2_000_000)}`)).toBe('evil.example');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('targetPath', () => {
  it.each([
    ['https://huggingface.co/chat/conversation/1', '/chat/conversation/1'],
    ['https://huggingface.co', '/'],
    ['huggingface.co?x=/chat', '/'],
    ['https://huggingface.co/#/chat', '/'],
    ['https://huggingface.co:443/chat?x', '/chat'],
    ['https://huggingface.co/models/../chat', '/chat'],
    ['https://huggingface.co/./chat', '/chat'],
    ['https://huggingface.co\\chat', '/chat'],
    ['https://huggingface.co/ch\tat', '/chat'],
    ['https://HUGGINGFACE.co/Chat', '/Chat'],
  ])('%j -> %s', (input, path) => {
    expect(pathOf(input)).toBe(path);
  });
});
