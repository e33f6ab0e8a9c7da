/** `berthwise.engine.show`: a click on a row of the Engines view shows that engine in every view. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { makeActiveEngine } from '../../engines/vscode/activeEngine';
import { readEngineSettings } from '../../settings';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';

/** The engine name a command was invoked with: a row's name, or a row from the view. */
function engineName(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return arg;
  }
  const name = (arg as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}

export function registerShowEngine(deps: CommandDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.showEngine, async (arg: unknown) => {
    const name = engineName(arg);
    if (!name || !readEngineSettings().selected.includes(name)) {
      return undefined;
    }
    await makeActiveEngine(name);
    deps.log.info(`The explorer now shows the engine "${name}".`);
    return name;
  });
}
