#!/usr/bin/env node
// The `nianbao` command: a thin launcher for the bundled CLI.
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
