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
