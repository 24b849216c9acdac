import http from 'node:http';
import { clientAddress, MemoryRateLimiter } from '../../src/http/rate-limit';

describe('MemoryRateLimiter', () => {
  it('allows a burst of the per-minute budget, then refuses with the wait until the next token', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(6, () => now);
    const verdicts = [];
    for (let i = 0; i < 7; i++) verdicts.push(await limiter.take(['ip:a']));
    expect(verdicts.slice(0, 6).every((v) => v.allowed)).toBe(true);
    // 6 per minute = one token every 10 s.
    expect(verdicts[6]).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now = 9_000;
    expect(await limiter.take(['ip:a'])).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 10_000;
    expect((await limiter.take(['ip:a'])).allowed).toBe(true);
    expect((await limiter.take(['ip:b'])).allowed).toBe(true);
  });

  it('refuses when any of the keys is empty, and every key pays for the request', async () => {
    const limiter = new MemoryRateLimiter(2, () => 0);
    expect((await limiter.take(['ip:a', 'token:t'])).allowed).toBe(true);
    expect((await limiter.take(['ip:b', 'token:t'])).allowed).toBe(true);
    // The token is spent though address c is fresh.
    expect((await limiter.take(['ip:c', 'token:t'])).allowed).toBe(false);
    expect((await limiter.take(['ip:c'])).allowed).toBe(true);
    expect((await limiter.take(['ip:c'])).allowed).toBe(false);
  });
});

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwardedFor?: string) =>
    ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as http.IncomingMessage;

  it('uses the socket address unless proxies are trusted', () => {
    expect(clientAddress(request('10.0.0.1', '1.2.3.4'), 0)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1'), 1)).toBe('10.0.0.1');
  });

  it('takes the entry the outermost trusted proxy added, ignoring what the client claimed before it', () => {
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.9'), 2)).toBe('1.2.3.4');
    expect(clientAddress(request('10.0.0.1', '1.2.3.4'), 3)).toBe('1.2.3.4');
  });

  it('counts an IPv6 client by its /64, so a host cannot take a new budget with each of its addresses', () => {
    expect(clientAddress(request('2001:db8:1:2::10'), 0)).toBe(clientAddress(request('2001:db8:1:2:ffff::99'), 0));
    expect(clientAddress(request('2001:db8:1:2::10'), 0)).not.toBe(clientAddress(request('2001:db8:1:3::10'), 0));
    expect(clientAddress(request('10.0.0.1', '2001:db8:1:2::7'), 1)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('::ffff:10.0.0.1'), 0)).toBe('10.0.0.1');
  });
});
