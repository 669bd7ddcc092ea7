import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

/**
 * Addresses no delivery reaches unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on: whatever is not the public internet
 * (private, loopback, link-local with the clouds' metadata service at 169.254.169.254, carrier-grade NAT,
 * documentation and benchmarking ranges, multicast, reserved and unspecified), so a registered URL cannot make
 * this server a way into its own network. IPv4 addresses written as IPv6 (::ffff:127.0.0.1) match their IPv4 entry;
 * NAT64 and 6to4 prefixes, which carry an IPv4 address of any kind, are refused whole.
 */
const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  internal.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  internal.addSubnet(network, prefix, "ipv6");

/** Whether an IP address is one a delivery must not reach (anything unreadable counts as one). */
function isInternal(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  try {
    return internal.check(address, family === 6 ? "ipv6" : "ipv4");
  } catch {
    return true;
  }
}

/** A URL's host as an IP address, when it is one (`[::1]` is `::1`); null for a name. */
const literalAddress = (hostname: string) => {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? host : null;
};

/** Whether a URL's host is written as an internal IP address (checked when an endpoint is registered). */
export const isInternalLiteral = (hostname: string) => {
  const address = literalAddress(hostname);
  return address !== null && isInternal(address);
};

/** Why an attempt was not made: the receiver's name resolves to an internal address. */
export const REFUSED_ADDRESS =
  "refused: the host resolves to a private, loopback, link-local or otherwise internal address";

class RefusedAddress extends Error {}

/**
 * The addresses to connect to for `hostname`, resolved once: every one must be public (unless private networks
 * are allowed), or none is used. The connection then goes to these very addresses, so a DNS answer that changes
 * between the check and the connection (rebinding) reaches nothing unchecked.
 */
async function resolveReceiver(hostname: string, allowPrivate: boolean): Promise<LookupAddress[]> {
  const literal = literalAddress(hostname);
  const addresses = literal
    ? [{ address: literal, family: isIP(literal) }]
    : await lookup(hostname, { all: true });
  if (addresses.length === 0 || (!allowPrivate && addresses.some((a) => isInternal(a.address))))
    throw new RefusedAddress(REFUSED_ADDRESS);
  return addresses;
}

/** `work`, or a rejection when `signal` aborts first (a DNS lookup cannot be cancelled, only left behind). */
function before<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/** One POST to `addresses` (already checked), for `target`'s name (Host, TLS server name and certificate). */
function send(
  target: URL,
  addresses: LookupAddress[],
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<number> {
  const pinned: RequestOptions["lookup"] = (_hostname, options, callback) => {
    if (options.all) (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  return new Promise<number>((resolve, reject) => {
    const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "MuralLink-Webhooks/1",
          ...headers,
          "content-length": String(Buffer.byteLength(body)),
        },
        lookup: pinned,
        // A connection of its own each time: a pooled one could outlive the check of its address.
        agent: false,
        signal,
      },
      (response) => {
        // The receiver's body is not read (it could hold anything): only its status counts.
        response.destroy();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** The outcome of one POST: the answer's status code (if one came), how long it took, what went wrong. */
export interface Attempt {
  statusCode: number | null;
  succeeded: boolean;
  durationMs: number;
  error: string | null;
}

/**
 * POSTs `body` to a receiver's URL and tells how it went; never throws. Redirects are not followed (a 3xx is an
 * answer that is not 2xx), so the URL registered is the only one reached.
 */
export async function postToReceiver(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivateNetworks: boolean },
): Promise<Attempt> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  // One deadline for the name's lookup, the connection and the answer.
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const target = new URL(url);
    const addresses = await before(signal, resolveReceiver(target.hostname, options.allowPrivateNetworks));
    const statusCode = await send(target, addresses, body, headers, signal);
    const succeeded = statusCode >= 200 && statusCode < 300;
    return { statusCode, succeeded, durationMs: took(), error: succeeded ? null : `HTTP ${statusCode}` };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      error instanceof RefusedAddress
        ? error.message
        : signal.aborted
          ? `no answer within ${options.timeoutMs} ms`
          : code
            ? `connection failed (${code})`
            : "connection failed";
    return { statusCode: null, succeeded: false, durationMs: took(), error: reason };
  }
}
