#!/usr/bin/env node
import path from 'node:path';
import { runBundle } from './load-bundle';

// The CLI bundled into one file by `npm run build`: one file to read and, with its code cache, almost
// nothing to compile, where the modules it is built from cost some 200 module lookups and their
// compilation. The build runs it once with LEXGUARD_WRITE_CODE_CACHE=1 to make the cache.
const cli = runBundle(path.join(__dirname, '..', 'cli', 'lexguard.js'));
if (process.env.LEXGUARD_WRITE_CODE_CACHE === '1') process.once('exit', () => cli.saveCache());
