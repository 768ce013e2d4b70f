import { DEFAULT_RULE_CONFIG } from '../../scanner/config/defaults';
import type { Model } from '../../scanner/model/model';
import { templateToModel, type TemplateModel } from '../../scanner/normalise/template/template-to-model';
import { parseTemplateText } from '../../scanner/sources/template/parse-template';

export const SCANNED_AT = '2026-11-23T00:00:00.000Z';

/** Reads template text into the model the way a scan does, with the policy's default configuration. */
export function templateModel(text: string, parameters: Record<string, string> = {}): TemplateModel {
  const [template] = parseTemplateText('template.yaml', text);
  return templateToModel(template, {
    config: DEFAULT_RULE_CONFIG,
    scannedAt: SCANNED_AT,
    scope: 'T',
    parameters,
  });
}

export function modelOf(text: string): Model {
  return templateModel(text).model;
}

/** A template's `Resources` (and optionally other sections) as JSON text, for table-driven adapter tests. */
export function templateOf(
  resources: Record<string, unknown>,
  sections: Record<string, unknown> = {},
): string {
  return JSON.stringify({ ...sections, Resources: resources });
}

/** One resource of a type with the given properties. */
export function resource(type: string, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: type, Properties: properties };
}

/** The model of a template of `resources`, read with the given pseudo parameters. */
export function modelOfResources(
  resources: Record<string, unknown>,
  pseudo: { region?: string; accountId?: string } = {},
): TemplateModel {
  const [template] = parseTemplateText('template.json', templateOf(resources));
  return templateToModel(template, {
    config: DEFAULT_RULE_CONFIG,
    scannedAt: SCANNED_AT,
    scope: 'T',
    pseudo,
  });
}

/** `Fn::GetAtt`, `Ref`, `Fn::Join` and `Fn::Sub` as a template writes them. */
export const cfn = {
  ref: (name: string) => ({ Ref: name }),
  getAtt: (name: string, attribute: string) => ({ 'Fn::GetAtt': [name, attribute] }),
  join: (parts: unknown[]) => ({ 'Fn::Join': ['', parts] }),
  sub: (text: string) => ({ 'Fn::Sub': text }),
  importValue: (name: string) => ({ 'Fn::ImportValue': name }),
};
