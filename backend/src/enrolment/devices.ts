import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import { hashToken, newToken } from '../crypto/tokens.ts';
import type { Db } from '../db/client.ts';
import { devices } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { DeviceFacts } from '../protocol/extension.ts';
import { consumeEnrollmentToken } from './tokens.ts';

export const DEVICE_TOKEN_PREFIX = 'sldev_';

export type DeviceRow = typeof devices.$inferSelect;

export interface DeviceView {
  id: string;
  browser: string;
  browserVersion: string;
  extensionVersion: string;
  os: string;
  userEmail: string | null;
  enrolledAt: string;
  lastSeenAt: string | null;
  lastBundleVersion: string | null;
  revokedAt: string | null;
  events: number;
  status: 'active' | 'revoked';
}

export function deviceView(d: DeviceRow): DeviceView {
  return {
    id: d.id,
    browser: d.browser,
    browserVersion: d.browserVersion,
    extensionVersion: d.extensionVersion,
    os: d.os,
    userEmail: d.userEmail,
    enrolledAt: d.enrolledAt.toISOString(),
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    lastBundleVersion: d.lastBundleVersion,
    revokedAt: d.revokedAt?.toISOString() ?? null,
    events: d.events,
    status: d.revokedAt ? 'revoked' : 'active',
  };
}

/**
 * Enrols a browser with an enrolment token: a new device id, or the previous one when re-enrolling
 * (same managed user), with a fresh device token (returned once, stored hashed). Old tokens stop working.
 */
export async function enrollDevice(
  db: Db,
  clock: Clock,
  enrollmentToken: string,
  facts: DeviceFacts,
  previousDeviceId?: string,
) {
  return db.transaction(async (txAny) => {
    const tx = txAny as unknown as Db;
    const tokenId = await consumeEnrollmentToken(tx, clock, enrollmentToken);
    const deviceToken = newToken(DEVICE_TOKEN_PREFIX);
    const now = clock();
    const values = {
      tokenHash: hashToken(deviceToken),
      enrollmentTokenId: tokenId,
      browser: facts.browser,
      browserVersion: facts.browserVersion,
      extensionVersion: facts.extensionVersion,
      os: facts.os,
      userEmail: facts.userEmail?.toLowerCase() ?? null,
      enrolledAt: now,
      revokedAt: null,
    };
    if (previousDeviceId) {
      const [prev] = await tx.select().from(devices).where(eq(devices.id, previousDeviceId));
      if (prev && (prev.userEmail ?? null) === values.userEmail) {
        await tx.update(devices).set(values).where(eq(devices.id, prev.id));
        return { deviceId: prev.id, deviceToken, tokenId, reenrolled: true };
      }
    }
    const id = uuidv7();
    await tx.insert(devices).values({ id, ...values });
    return { deviceId: id, deviceToken, tokenId, reenrolled: false };
  });
}

/** The active device for a bearer token, or 401. Revocation applies to the very next request. */
export async function authenticateDevice(db: Db, authorization: string | undefined): Promise<DeviceRow> {
  const match = /^Bearer\s+(sldev_[A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match)
    throw new ApiError(401, 'device_unauthenticated', 'A device token is required (Authorization: Bearer sldev_…).');
  const [device] = await db
    .select()
    .from(devices)
    .where(eq(devices.tokenHash, hashToken(match[1]!)));
  if (!device) throw new ApiError(401, 'device_unauthenticated', 'Unknown device token: enrol again.');
  if (device.revokedAt)
    throw new ApiError(401, 'device_revoked', 'This device was revoked by IT: enrol again with a new enrolment token.');
  return device;
}

/** Notes that a device was seen (at most once a minute per device, to keep hot paths cheap). */
export async function touchDevice(
  db: Db,
  clock: Clock,
  device: DeviceRow,
  patch: { lastBundleVersion?: string; events?: number } = {},
) {
  const now = clock();
  const stale = !device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > 60_000;
  const bundleChanged = patch.lastBundleVersion !== undefined && patch.lastBundleVersion !== device.lastBundleVersion;
  if (!stale && !bundleChanged && !patch.events) return;
  await db
    .update(devices)
    .set({
      lastSeenAt: now,
      ...(patch.lastBundleVersion !== undefined ? { lastBundleVersion: patch.lastBundleVersion } : {}),
      ...(patch.events ? { events: sql`${devices.events} + ${patch.events}` } : {}),
    })
    .where(eq(devices.id, device.id));
}

export async function listDevices(
  db: Db,
  options: { status?: 'active' | 'revoked'; limit: number; before?: string },
): Promise<DeviceView[]> {
  const rows = await db
    .select()
    .from(devices)
    .where(
      and(
        options.status === 'active'
          ? isNull(devices.revokedAt)
          : options.status === 'revoked'
            ? isNotNull(devices.revokedAt)
            : undefined,
        options.before ? lt(devices.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(devices.id))
    .limit(options.limit);
  return rows.map(deviceView);
}

export async function revokeDevice(db: Db, clock: Clock, id: string): Promise<DeviceView> {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));
  if (!row) throw new ApiError(404, 'not_found', `No device with id ${id}.`);
  if (row.revokedAt) return deviceView(row);
  const [after] = await db.update(devices).set({ revokedAt: clock() }).where(eq(devices.id, id)).returning();
  return deviceView(after!);
}
