import { Option, type Command } from 'commander';
import { catalogView } from '../../catalog/catalog-view';
import { catalogFormats, catalogRenderer } from '../../catalog/render';
import { readPolicyBundle } from '../../engine/policy-bundle';
import type { CliContext } from '../context';

interface CatalogOptions {
  format: string;
  output?: string;
}

/**
 * `lexguard catalog`: clause → rules and attested controls → framework controls, read from the compiled
 * bundle's manifest, so it works without the source tree.
 */
export function registerCatalog(program: Command, context: CliContext): void {
  program
    .command('catalog')
    .description(
      "show each clause of the firm's policy, the rules and attested controls that check it, and the framework controls they map to",
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(catalogFormats()).default('table'),
    )
    .option('-o, --output <file>', 'write the catalog to a file instead of standard output')
    .action((options: CatalogOptions) => {
      const { manifest } = readPolicyBundle();
      const text = catalogRenderer(options.format).render(catalogView(manifest.catalog, manifest.rules));
      if (options.output) context.sink.writeFile(options.output, text);
      else context.sink.stdout(text);
    });
}
