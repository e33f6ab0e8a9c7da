/** Choosing the engine the views show: the first name in `berthwise.engine.selected`. */
import { readEngineSettings, writeSelectedEngines } from '../../settings';

/** Puts `name` first in `berthwise.engine.selected`, keeping the others watched: the views follow it. */
export async function makeActiveEngine(name: string): Promise<void> {
  const rest = readEngineSettings().selected.filter((entry) => entry !== name);
  await writeSelectedEngines([name, ...rest]);
}
