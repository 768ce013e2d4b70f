import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

export interface LoadedBundle {
  /** What the bundle exported. */
  exports: unknown;
  /** Writes the code cache of everything compiled so far: call it after a run, not before. */
  saveCache(): void;
}

/**
 * Runs a CommonJS bundle as `require` would, but compiled from V8's code cache when one made for exactly
 * this bundle lies beside it (`<bundle>.cache`): the bytecode of every function the build's training run
 * compiled, so the CLI neither parses nor compiles them again. Node 20 has no compile cache of its own
 * (`module.enableCompileCache` came in Node 22).
 *
 * The cache starts with the SHA-256 of the bundle it was made from: V8 checks only a cache's length
 * against its source, so a cache of an edited bundle of the same length would run the wrong code. A
 * cache V8 rejects (another Node version, other V8 flags) is ignored, and the bundle compiles as usual.
 */
export function runBundle(bundle: string): LoadedBundle {
  const source = readFileSync(bundle, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  const cacheFile = `${bundle}.cache`;
  const cachedData = cacheFor(cacheFile, digest);
  const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  run.call(
    bundleModule.exports,
    bundleModule.exports,
    Module.createRequire(bundle),
    bundleModule,
    bundle,
    path.dirname(bundle),
  );
  return {
    exports: bundleModule.exports,
    saveCache: () => {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
      renameSync(temporary, cacheFile);
    },
  };
}

function cacheFor(file: string, digest: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(file);
  } catch {
    return undefined;
  }
  return cache.subarray(0, digest.length).equals(digest) ? cache.subarray(digest.length) : undefined;
}
