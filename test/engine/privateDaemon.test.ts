/**
 * The private daemons some suites start must leave the host as they found it. dockerd does not remove
 * a bridge network's interface when it stops, and once the daemon's data root is deleted no engine
 * ever will: each leaked bridge holds one of the host's address pools until every network creation on
 * the machine fails (CI: "could not find an available, non-overlapping IPv4 address pool").
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import Docker from 'dockerode';
import { testLabel, uniqueSuffix } from '../engineHelpers';
import { createPrivateDaemon } from './privateDaemon';

describe('private test daemon', () => {
  const daemon = createPrivateDaemon();
  after(() => daemon.dispose());

  it('leaves no bridge interface behind when disposed', async () => {
    await daemon.start();
    const docker = new Docker({ socketPath: daemon.socketPath });
    const network = await docker.createNetwork({ Name: `berthwise-daemon-${uniqueSuffix()}`, Driver: 'bridge', Internal: true, Labels: { [testLabel]: 'true' } });
    // Docker names a bridge network's interface after the first 12 characters of its id.
    const bridge = `/sys/class/net/br-${network.id.slice(0, 12)}`;
    assert.ok(existsSync(bridge), `the network's bridge ${bridge} exists while the daemon runs`);
    await daemon.dispose();
    assert.ok(!existsSync(bridge), `the bridge ${bridge} is gone after dispose`);
  });
});
