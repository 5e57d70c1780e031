#!/usr/bin/env node
// Adds interface texts to all seven language files at once, so that no language is ever missing a key
// (the typecheck requires every language to have German's keys). Usage:
//   node scripts/add-messages.mjs patch.json
// where patch.json is { "de": { "area": { "key": "Text" } }, "en": { ... }, ... all seven languages }.
// Objects are merged deeply; strings in the patch replace existing ones. Files are rewritten at once
// (read, merge, write) so concurrent writers only race for milliseconds.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const languages = ['de', 'en', 'ar', 'tr', 'uk', 'ru', 'fa'];
const directory = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'messages');
const patchFile = process.argv[2];
if (!patchFile) {
  console.error('usage: node scripts/add-messages.mjs patch.json');
  process.exit(2);
}
const patch = JSON.parse(readFileSync(patchFile, 'utf8'));
const missing = languages.filter((language) => !patch[language]);
if (missing.length > 0) {
  console.error(`the patch lacks languages: ${missing.join(', ')}`);
  process.exit(1);
}
const leaves = (tree, prefix = '') =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
const germanKeys = leaves(patch.de).sort().join('\n');
for (const language of languages) {
  if (leaves(patch[language]).sort().join('\n') !== germanKeys) {
    console.error(`${language} has other keys than de in the patch`);
    process.exit(1);
  }
}
const merge = (target, source) => {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string') target[key] = value;
    else target[key] = merge(target[key] && typeof target[key] === 'object' ? target[key] : {}, value);
  }
  return target;
};
for (const language of languages) {
  const file = join(directory, `${language}.json`);
  const merged = merge(JSON.parse(readFileSync(file, 'utf8')), patch[language]);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
console.log(`added ${leaves(patch.de).length} texts to ${languages.length} languages`);
