/**
 * Which Host headers the server answers (issue 13, "Exposure"). A page on another site can make
 * the browser send requests to this server under its own name (DNS rebinding); refusing every
 * Host that is not one of this machine's names stops it reading or changing reviews. On
 * loopback only loopback names are allowed; with `--host` (another interface) the machine's
 * names and addresses, plus any configured with `allowedHosts`.
 */
import { hostname as machineName, networkInterfaces } from 'node:os';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/;
const IPV6 = /^\[[0-9a-f:.]+(?:%[0-9a-z]+)?\]$/;

/**
 * The host name of a Host header, lower-cased ("[::1]" keeps its brackets), or undefined when the
 * header is not exactly a name or address with an optional port: "[::1].evil.example",
 * "a b", "host:port:port" and empty names are all malformed.
 */
export function parseHostHeader(header: string): string | undefined {
  const value = header.trim().toLowerCase();
  const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return undefined;
  const name = match[1]!;
  if (match[2] !== undefined && Number(match[2]) > 65535) return undefined;
  if (name.startsWith('[')) return IPV6.test(name) ? name : undefined;
  return NAME.test(name) && name.length <= 253 ? name.replace(/\.$/, '') : undefined;
}

/** A configured name or address as it appears in a Host header (IPv6 in brackets, lower case). */
function asHostName(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/**
 * The Host names the server answers when bound to `bindHost`: loopback names only on loopback;
 * otherwise also the machine's name and every interface address, the bound address, and `extra`.
 */
export function allowedHostNames(bindHost: string, loopbackOnly: boolean, extra: readonly string[] = []): Set<string> {
  const names = new Set([...LOOPBACK, ...extra.map(asHostName)]);
  if (loopbackOnly) return names;
  names.add(machineName().toLowerCase());
  for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) names.add(asHostName(a.address));
  if (bindHost !== '0.0.0.0' && bindHost !== '::') names.add(asHostName(bindHost));
  return names;
}
