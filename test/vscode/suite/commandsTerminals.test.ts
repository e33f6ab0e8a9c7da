/**
 * Exec and logs terminals inside the real workbench: the commands open terminals, and the
 * pseudoterminals carry a TTY round trip and followed logs (stderr in red, a restart marker).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseHost } from '../../../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../../../client/src/engine/engine';
import { ExecTerminal } from '../../../client/src/terminal/execTerminal';
import { LogsTerminal } from '../../../client/src/terminal/logsTerminal';
import { baseImage, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';
import { until } from '../../until';

describe('exec and logs terminals', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true' };
  let engine: Engine;
  let containerId = '';
  const name = `berthwise-term-${suffix}`;
  const log = vscode.window.createOutputChannel('Berthwise tests', { log: true });

  before(async () => {
    engine = createEngine(parseHost(process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock'), 15_000);
    const container = await docker.createContainer({
      name,
      Image: baseImage,
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; echo hello-from-logs; echo oops-on-stderr >&2; while true; do sleep 0.2; done'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    containerId = container.id;
  });
  after(async () => {
    vscode.window.terminals.filter((t) => t.name.includes(suffix)).forEach((t) => t.dispose());
    log.dispose();
    await removeLabelled(docker, suffix);
  });

  it('"Open Shell" probes the shell and opens a terminal named after the container', async () => {
    const item = { id: containerId, label: name, contextValue: 'container.running' };
    const shell = await vscode.commands.executeCommand<string>('berthwise.container.shell', item, [item]);
    assert.equal(shell, 'ash');
    await until('the shell terminal', () => vscode.window.terminals.some((t) => t.name === `${name} (ash)`));
  });

  it('an exec terminal round-trips a command on a real TTY and closes when the shell exits', async () => {
    const pty = new ExecTerminal(engine, { containerId, cmd: ['sh'] }, log);
    let output = '';
    pty.onDidWrite((text) => (output += text));
    let closedWith: number | void | undefined;
    let closed = false;
    pty.onDidClose((code) => {
      closed = true;
      closedWith = code;
    });
    const terminal = vscode.window.createTerminal({ name: `exec ${suffix}`, pty });
    terminal.show();
    await until('the prompt', () => output.includes('#') || output.includes('$'));
    terminal.sendText('echo hi $((40+2))');
    await until('the command output', () => output.includes('hi 42'));
    terminal.sendText('stty size');
    await until('the terminal size', () => /\r\n(\d+) (\d+)\r\n/.test(output));
    const [, rows, columns] = /\r\n(\d+) (\d+)\r\n/.exec(output) ?? [];
    assert.ok(Number(rows) > 0 && Number(columns) > 0, `size ${rows} ${columns}`);
    terminal.sendText('exit 5');
    await until('the terminal to close', () => closed);
    assert.equal(closedWith, 5);
  });

  it('a logs terminal shows stdout, stderr in red, and a marker when the container restarts', async () => {
    const pty = new LogsTerminal(engine, containerId, { tail: 'all', since: 0, timestamps: false });
    let output = '';
    pty.onDidWrite((text) => (output += text));
    const terminal = vscode.window.createTerminal({ name: `logs ${suffix}`, pty });
    terminal.show();
    await until('the first lines', () => output.includes('hello-from-logs') && output.includes('oops-on-stderr'));
    assert.ok(output.includes('\x1b[31moops-on-stderr\x1b[0m'), 'stderr is red');
    await docker.getContainer(containerId).restart({ t: 5 });
    await until('the restart marker and the second run', () => output.includes('started again') && output.split('hello-from-logs').length === 3);
    terminal.dispose();
  });

  it('"Follow Logs" opens one terminal per selected container', async () => {
    const item = { id: containerId, label: name, contextValue: 'container.running' };
    const names = await vscode.commands.executeCommand<string[]>('berthwise.container.followLogs', item, [item]);
    assert.equal(names.length, 1);
    await until('the logs terminal', () => vscode.window.terminals.some((t) => t.name === names[0]));
  });
});
