/**
 * Prints the role matrix (every route × none, staff, admin, steering) from the route table, or with
 * `--write` replaces it in README.md. `functions/shared/http/role-matrix.test.ts` fails when the two
 * disagree, so a changed access must be written here and reviewed in the README's diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { roleMatrixEnd, roleMatrixMarkdown, roleMatrixStart } from '../functions/shared/http/role-matrix';

const readmePath = join(import.meta.dirname, '..', 'README.md');
const matrix = roleMatrixMarkdown();
if (process.argv.includes('--write')) {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(roleMatrixStart);
  const end = readme.indexOf(roleMatrixEnd);
  if (start < 0 || end < start) throw new Error('README.md has no role-matrix markers');
  writeFileSync(
    readmePath,
    `${readme.slice(0, start + roleMatrixStart.length)}\n\n${matrix}\n\n${readme.slice(end)}`,
  );
} else {
  console.log(matrix);
}
