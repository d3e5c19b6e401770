/** Decodes base64 or base64url (padding optional) to a binary string; null when malformed. */
export function decodeBase64(input: string): string | null {
  const std = input.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(std) || std.length % 4 === 1) return null;
  try {
    return atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  } catch {
    return null;
  }
}

/** True when every char is printable ASCII (space to tilde). */
export function isPrintableAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}
