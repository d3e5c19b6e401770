import { gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { ApiError } from '../http/errors.ts';
import { MAX_BATCH_BYTES } from '../protocol/extension.ts';

/** Reads a JSON body that may be gzip-compressed, refusing more than 1 MB before or after decompression. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const encoding = (c.req.header('content-encoding') ?? 'identity').toLowerCase().trim();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiError(
      415,
      'unsupported_encoding',
      `Content-Encoding ${encoding} is not supported; send identity or gzip.`,
    );
  }
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new ApiError(415, 'unsupported_media_type', 'Send Content-Type: application/json.');
  const raw = Buffer.from(await c.req.arrayBuffer());
  if (raw.length > MAX_BATCH_BYTES) throw new ApiError(413, 'payload_too_large', 'A batch is at most 1 MB.');
  let text: string;
  if (encoding === 'gzip') {
    try {
      text = gunzipSync(raw, { maxOutputLength: MAX_BATCH_BYTES }).toString('utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new ApiError(413, 'payload_too_large', 'A batch is at most 1 MB after decompression.');
      }
      throw new ApiError(400, 'malformed_gzip', 'The body is not valid gzip.');
    }
  } else {
    text = raw.toString('utf8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}
