import type { ValidationChecks } from 'langium';
import type { DrPlanAstType } from '../generated/ast.js';
import type { DrPlanServices } from '../drplan-module.js';

export class DrPlanValidator {
    constructor(_services: DrPlanServices) {}
}

export function registerValidationChecks(services: DrPlanServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.DrPlanValidator;
    const checks: ValidationChecks<DrPlanAstType> = {};
    registry.register(checks, validator);
}
