import { EVENT_ID, SCALAR_STYLE } from 'js-yaml';

// js-yaml is bundled as CommonJS, whose exports the bundle reads through a getter on every access: the
// ids are read once here, not once per event of a large template (about 8 ms of a 1,000-resource YAML scan).
export const {
  ALIAS: ALIAS_EVENT,
  DOCUMENT: DOCUMENT_EVENT,
  MAPPING: MAPPING_EVENT,
  POP: POP_EVENT,
  SCALAR: SCALAR_EVENT,
  SEQUENCE: SEQUENCE_EVENT,
} = EVENT_ID;
export const { DOUBLE_QUOTED, SINGLE_QUOTED } = SCALAR_STYLE;
