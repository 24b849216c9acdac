import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, whether code runs from src/ (tests) or dist/src/ (built). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
  return dir;
}

export const projectRoot = findProjectRoot(__dirname);
