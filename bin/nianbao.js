#!/usr/bin/env node
// The `nianbao` command: a thin launcher for the bundled CLI (with its code cache: bin/codeCache.js).
const { join } = require('node:path');
const { loadBundle } = require('./codeCache.js');

loadBundle(join(__dirname, '..', 'dist', 'cli.js'))
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
