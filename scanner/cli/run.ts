import { main } from './main';

/** The CLI as a program: what `bin/lexguard.ts` runs, bundled into `dist/cli/lexguard.js`. */
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
