/** Host headers: strict parsing, and with --host on another interface only this machine's names (DNS rebinding). */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { allowedHostNames, parseHostHeader } from '../src/allowed-hosts.ts';
import { problemOf, useApps } from './helpers.ts';

const openApp = useApps();

describe('Host header parsing', () => {
  it('reads names, IPv4 and bracketed IPv6 with an optional port, and refuses anything else', () => {
    expect(['localhost', 'LocalHost:4317', '127.0.0.1:80', '[::1]', '[::1]:4317', 'contracts.example.', 'my-pc.lan'].map(parseHostHeader)).toEqual([
      'localhost', 'localhost', '127.0.0.1', '[::1]', '[::1]', 'contracts.example', 'my-pc.lan',
    ]);
    for (const bad of ['[::1].evil.example', '[::1]evil', 'a b', 'host:1:2', ':80', 'localhost:99999', '[evil.example]', 'evil_example', '-a.example', '']) {
      expect(parseHostHeader(bad), bad).toBeUndefined();
    }
  });

  it('allows loopback names only on loopback; the machine names and configured names elsewhere', () => {
    const loopback = allowedHostNames('127.0.0.1', true);
    expect([...loopback].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    const exposed = allowedHostNames('0.0.0.0', false, ['Contracts.Example', '::2']);
    expect(exposed.has(hostname().toLowerCase())).toBe(true);
    expect(exposed.has('contracts.example')).toBe(true);
    expect(exposed.has('[::2]')).toBe(true);
    expect(exposed.has('0.0.0.0')).toBe(false);
    expect(exposed.has('evil.example')).toBe(false);
  });
});

describe('DNS rebinding', () => {
  it('refuses "[::1].evil.example" on loopback', async () => {
    const app = await openApp();
    expect(problemOf(await app.inject({ url: '/api/reviews', headers: { host: '[::1].evil.example' } }))).toMatchObject({ httpStatus: 421, code: 'WRONG_HOST' });
    expect((await app.inject({ url: '/api/reviews', headers: { host: '[::1]:4317' } })).statusCode).toBe(200);
  });

  it('with --host 0.0.0.0 a foreign name is refused; the machine name and a configured name are served', async () => {
    const app = await openApp({ host: '0.0.0.0', allowedHosts: ['contracts.example'] });
    const refused = problemOf(await app.inject({ url: '/api/reviews', headers: { host: 'evil.example:4317' } }));
    expect(refused).toMatchObject({ httpStatus: 421, code: 'WRONG_HOST' });
    expect(refused.detail).toContain('--allowed-hosts');
    expect((await app.inject({ url: '/api/reviews', headers: { host: `${hostname()}:4317` } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/reviews', headers: { host: 'contracts.example' } })).statusCode).toBe(200);
  });
});
