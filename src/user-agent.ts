declare const __PACKAGE_VERSION__: string;

/** This package's version, put in at build time. */
export const version: string = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-dev';

interface RuntimeGlobals {
  process?: { platform?: string; arch?: string; version?: string; versions?: { bun?: string } };
  Deno?: { version?: { deno?: string }; build?: { os?: string; arch?: string } };
  navigator?: { userAgent?: string };
}

/** `whatsapp-senders/<version> (<platform> <arch>) <runtime>/<version>[ <extension>]`, without Node-only APIs. */
export function userAgent(extension?: string): string {
  const { process, Deno, navigator } = globalThis as RuntimeGlobals;
  const platform = Deno?.build?.os ?? process?.platform ?? 'unknown';
  const arch = Deno?.build?.arch ?? process?.arch ?? 'unknown';
  const runtime = Deno?.version?.deno
    ? `deno/${Deno.version.deno}`
    : process?.versions?.bun
      ? `bun/${process.versions.bun}`
      : process?.version
        ? `node/${process.version.replace(/^v/, '')}`
        : (navigator?.userAgent ?? 'unknown');
  return `whatsapp-senders/${version} (${platform} ${arch}) ${runtime}${extension ? ` ${extension}` : ''}`;
}
