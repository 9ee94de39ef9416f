/** Directory listing shared by the build-time link checks. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir`, depth first, as paths relative to it with `/` separators; [] if `dir` does not exist. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full).map((file) => `${name}/${file}`) : [name];
  });
}
