import { checkCycles } from './cycles.js';
import { checkDuplicateNames } from './names.js';
import { checkCriticalityInversion, checkMissingCapabilities, checkObjectives } from './objectives.js';
import { checkRaci } from './raci.js';
import { checkRecoveryPlans } from './recovery-plans.js';
import type { Rule } from './rule.js';
import { checkSpofs } from './spof.js';
import { checkProtection, checkStaleTests } from './workloads.js';

/** Every analysis rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [
    checkDuplicateNames, checkCycles, checkObjectives, checkMissingCapabilities, checkCriticalityInversion,
    checkStaleTests, checkProtection, checkRecoveryPlans, checkRaci, checkSpofs,
];
