/**
 * User settings the UI checks need before the workbench starts: the terminal draws with DOM rows
 * (not WebGL canvases) so a check can read what it shows, as a screen reader would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the user settings.json into code-server's user-data folder under `scratchDir`. */
export function writeUiUserSettings(scratchDir: string): void {
  const userDir = join(scratchDir, 'user-data', 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), `${JSON.stringify({ 'terminal.integrated.gpuAcceleration': 'off' }, null, 2)}\n`);
}
