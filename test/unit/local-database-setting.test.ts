import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'dialoogtafel-config-'));

describe('LOCAL_DATABASE', () => {
  it('defaults to FerretDB on PostgreSQL and accepts sqlite', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).localDatabase).toBe('postgresql');
    expect(loadConfig({ DATA_DIR: dataDir(), LOCAL_DATABASE: 'sqlite' }).localDatabase).toBe('sqlite');
  });

  it('stops start-up with one line naming the variable for anything else', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), LOCAL_DATABASE: 'mysql' })).toThrow(
      new ConfigError('LOCAL_DATABASE', 'must be one of postgresql, sqlite, got "mysql"'),
    );
  });
});
