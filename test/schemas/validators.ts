import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

// The official schemas our outputs must validate against (copies in this folder, see its README). Both
// are draft-04, which ajv 8 reads only through ajv-draft-04; ajv-formats checks SARIF's `uri`,
// `uri-reference` and `date-time` formats.
const sarif = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const siteRecovery = JSON.parse(readFileSync(new URL('./Microsoft.RecoveryServices.SiteRecovery.2025-01-01.json', import.meta.url), 'utf8'));
// The Site Recovery schema's only external reference is ARM's common `expression` definition, which is
// not available offline. This local stand-in copies its published rule: a string in brackets, not
// starting with `[[` (an escaped literal). A plain `string` would not do: every enum in the schema is
// `oneOf` [enum, expression], so a literal like "Boot" would then match both branches and fail `oneOf`.
const armCommonDefinitions = {
    id: 'https://schema.management.azure.com/schemas/common/definitions.json#',
    $schema: 'http://json-schema.org/draft-04/schema#',
    definitions: { expression: { type: 'string', pattern: '^\\[(?!\\[).*\\]$' } },
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(armCommonDefinitions);
ajv.addSchema(siteRecovery);
const validateSarif = ajv.compile(sarif);
const validateRecoveryPlan = ajv.getSchema(`${siteRecovery.id}/resourceDefinitions/vaults_replicationRecoveryPlans`)!;

/** The schema errors of a SARIF log, in words: `No errors` when it validates. */
export function sarifErrors(log: unknown): string {
    return validateSarif(log) ? 'No errors' : ajv.errorsText(validateSarif.errors);
}

/** The schema errors of a Site Recovery recovery-plan resource, in words: `No errors` when it validates. */
export function recoveryPlanErrors(resource: unknown): string {
    return validateRecoveryPlan(resource) ? 'No errors' : ajv.errorsText(validateRecoveryPlan.errors);
}
