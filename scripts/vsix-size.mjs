#!/usr/bin/env node
// Prints the size and contents of the packaged extension and fails when it is over budget.
//   node scripts/vsix-size.mjs [file.vsix]     (default: nianbao-<version>.vsix)
// Env: NIANBAO_VSIX_BUDGET_BYTES (default 2 MiB).
import { readFileSync, statSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const file = process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`;
const budget = Number(process.env.NIANBAO_VSIX_BUDGET_BYTES || 2 * 1024 * 1024);

const buf = readFileSync(file);
const size = statSync(file).size;

// The zip's central directory: name and uncompressed size of every entry.
const entries = [];
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd >= 0) {
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count && buf.readUInt32LE(p) === 0x02014b50; i++) {
    const compressed = buf.readUInt32LE(p + 20),
      raw = buf.readUInt32LE(p + 24);
    const n = buf.readUInt16LE(p + 28),
      x = buf.readUInt16LE(p + 30),
      c = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + n), compressed, raw });
    p += 46 + n + x + c;
  }
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const e of entries.sort((a, b) => b.compressed - a.compressed))
  console.log(`  ${kb(e.compressed).padStart(10)}  ${kb(e.raw).padStart(10)}  ${e.name}`);
console.log(`${file}: ${kb(size)} (${size} bytes), ${entries.length} files; budget ${kb(budget)}`);
if (size > budget) {
  console.error(`over budget by ${kb(size - budget)}`);
  process.exit(1);
}
