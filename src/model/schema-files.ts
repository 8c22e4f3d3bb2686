/** The schema documents, bundled into the build (no file reads at run time). */
import bfd from '../../schemas/bfd.schema.json' with { type: 'json' };
import checkers from '../../schemas/checkers.schema.json' with { type: 'json' };
import common from '../../schemas/common.schema.json' with { type: 'json' };
import globalDefs from '../../schemas/global_defs.schema.json' with { type: 'json' };
import ipvs from '../../schemas/ipvs.schema.json' with { type: 'json' };
import root from '../../schemas/keepalived.schema.json' with { type: 'json' };
import staticBlocks from '../../schemas/static.schema.json' with { type: 'json' };
import vrrp from '../../schemas/vrrp.schema.json' with { type: 'json' };
import type { JsonSchema } from './vocabulary.js';

export const SCHEMA_FILES: Record<string, JsonSchema> = {
  'keepalived.schema.json': root as JsonSchema,
  'global_defs.schema.json': globalDefs as JsonSchema,
  'static.schema.json': staticBlocks as JsonSchema,
  'vrrp.schema.json': vrrp as JsonSchema,
  'ipvs.schema.json': ipvs as JsonSchema,
  'checkers.schema.json': checkers as JsonSchema,
  'bfd.schema.json': bfd as JsonSchema,
  'common.schema.json': common as JsonSchema,
};
