// A worker thread of `nianbao check --jobs N` (cli/jobs.ts): the CLI's bundle, loaded with its code
// cache as bin/nianbao.js loads it (bin/codeCache.js), answering the pool's tasks (cli/checkWorker.ts).
const { join } = require('node:path');
const { loadBundle } = require('./codeCache.js');

loadBundle(join(__dirname, '..', 'dist', 'cli.js')).serveCheckTasks();
