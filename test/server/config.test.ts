// The server's settings: flags win over environment variables, which win over the defaults; a bad
// value is refused with a message that names the setting.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SlaError } from '../../engine/diagnostics/index.ts';
import { parseBytes, resolveConfig } from '../../server/config.ts';

const base = { policiesDir: '/bundled', playgroundDir: '/pg' };

describe('resolveConfig', () => {
  it('binds 127.0.0.1:8080 with a 1 MiB body limit by default', () => {
    const c = resolveConfig({}, {}, base);
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, bodyLimit: 1048576, policiesDir: '/bundled', watch: false });
    expect(c.decisionLog).toBeUndefined();
  });

  it('takes environment variables, and flags over them', () => {
    const env = { SLA_PORT: '9000', SLA_HOST: '0.0.0.0', SLA_BODY_LIMIT: '2mib', SLA_WATCH: 'true', SLA_POLICIES: 'my-policies' };
    expect(resolveConfig({}, env, base)).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      bodyLimit: 2 * 1048576,
      watch: true,
      policiesDir: resolve('my-policies'),
    });
    expect(resolveConfig({ port: '7000', watch: false }, env, base)).toMatchObject({ port: 7000, host: '0.0.0.0', watch: false });
  });

  it('refuses bad values, naming the setting', () => {
    expect(() => resolveConfig({ port: 'eighty' }, {}, base)).toThrow('invalid --port `eighty`');
    expect(() => resolveConfig({ port: '70000' }, {}, base)).toThrow(SlaError);
    expect(() => resolveConfig({}, { SLA_BATCH_LIMIT: '0' }, base)).toThrow('invalid --batch-limit `0`');
    expect(() => resolveConfig({}, { SLA_WATCH: 'maybe' }, base)).toThrow('invalid --watch `maybe`');
  });
});

it('parseBytes reads sizes with units', () => {
  expect([parseBytes('b', '1048576'), parseBytes('b', '512kb'), parseBytes('b', '1MiB'), parseBytes('b', '1.5 kib')]).toEqual([1048576, 512000, 1048576, 1536]);
  expect(() => parseBytes('body-limit', 'lots')).toThrow('invalid --body-limit `lots`');
});
