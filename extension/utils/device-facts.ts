import type { DeviceFacts } from '@sightline/backend/protocol';

interface NavigatorLike {
  userAgent: string;
  userAgentData?: { brands?: { brand: string; version: string }[]; platform?: string };
}

/** Browser, version and OS from the user agent (brands first, where the browser offers them). */
export function deviceFacts(nav: NavigatorLike, extensionVersion: string, userEmail?: string): DeviceFacts {
  const ua = nav.userAgent;
  const brands = nav.userAgentData?.brands ?? [];
  const brand = (name: string) => brands.find((b) => b.brand === name)?.version;
  let browser: DeviceFacts['browser'] = 'other';
  let browserVersion = '';
  const firefox = /Firefox\/([\d.]+)/.exec(ua);
  const edge = /Edg\/([\d.]+)/.exec(ua);
  const chrome = /Chrom(?:e|ium)\/([\d.]+)/.exec(ua);
  if (firefox) [browser, browserVersion] = ['firefox', firefox[1]!];
  else if (brand('Microsoft Edge') || edge) [browser, browserVersion] = ['edge', brand('Microsoft Edge') ?? edge![1]!];
  else if (brand('Brave')) [browser, browserVersion] = ['brave', brand('Brave')!];
  else if (chrome) [browser, browserVersion] = ['chrome', chrome[1]!];
  const platform = `${nav.userAgentData?.platform ?? ''} ${ua}`;
  const os: DeviceFacts['os'] = /CrOS|Chrome OS/i.test(platform)
    ? 'chromeos'
    : /Android/i.test(platform)
      ? 'android'
      : /iPhone|iPad|iOS/i.test(platform)
        ? 'ios'
        : /Windows/i.test(platform)
          ? 'windows'
          : /Mac/i.test(platform)
            ? 'mac'
            : /Linux/i.test(platform)
              ? 'linux'
              : 'other';
  return {
    browser,
    browserVersion: browserVersion || 'unknown',
    extensionVersion,
    os,
    ...(userEmail ? { userEmail } : {}),
  };
}
