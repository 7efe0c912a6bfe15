/**
 * Which real WebDAV servers the sync tests run against. `MARGIN_WEBDAV=rclone` or
 * `MARGIN_WEBDAV=apache` picks one; unset (as in `npm test` and CI) means both, because
 * each has its own reading of RFC 4918 and the client must cope with every one.
 */
import { APACHE, apacheMissing, startApacheWebDav } from './apache-webdav';
import {
  RCLONE,
  rcloneMissing,
  startWebDavServer,
  type WebDavKind,
  type WebDavServer,
  type WebDavServerOptions,
} from './webdav-server';

export type { WebDavKind } from './webdav-server';

const ALL: readonly WebDavKind[] = ['rclone', 'apache'];

function parseKinds(value: string | undefined): readonly WebDavKind[] {
  if (value === undefined || value.trim() === '') return ALL;
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !ALL.includes(k as WebDavKind));
  if (unknown.length)
    throw new Error(`MARGIN_WEBDAV=${value}: expected ${ALL.join(', ')} or a comma-separated list of them`);
  return [...new Set(kinds as WebDavKind[])];
}

/** The servers this run tests against, in a fixed order (rclone first). */
export const WEBDAV_KINDS: readonly WebDavKind[] = parseKinds(process.env.MARGIN_WEBDAV);

/** The server's binary, for messages. */
export const webDavBinary = (kind: WebDavKind) => (kind === 'apache' ? APACHE : RCLONE);

/** Why tests against `kind` cannot run here (a visible skip), or null; on CI always null, so they fail instead. */
export const webDavMissing = (kind: WebDavKind): string | null => (kind === 'apache' ? apacheMissing : rcloneMissing);

/** Starts a fresh server of that kind on 127.0.0.1, serving an empty temporary folder. */
export function startWebDav(kind: WebDavKind, opts: WebDavServerOptions = {}): Promise<WebDavServer> {
  return kind === 'apache' ? startApacheWebDav(opts) : startWebDavServer(opts);
}
