import { type AstNode, AstUtils, GrammarUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { formatDuration } from '../analysis/duration.js';
import type { DiagnosticCode } from '../analysis/types.js';
import type { DrPlanServices } from '../drplan-module.js';
import * as ast from '../generated/ast.js';
import { leadingKeyword } from '../model/build-model.js';
import { PHASE_ORDER, type PhaseName } from '../model/plan-model.js';
import { durationTooLong, isValidDate, isValidDuration, isValidPercentage } from '../model/values.js';
import { syntaxNodes } from '../parser/syntax-tree-walk.js';

/** Properties that a declaration may give more than once. */
const REPEATABLE = new Set<string>([ast.InputProperty.$type, ast.OutputProperty.$type, ast.Group.$type]);

/**
 * The checks that need one declaration only: repeated properties and impossible values. The
 * workspace-wide conclusions (names, roll-ups, SPOFs, …) come from the analysis.
 */
export class DrPlanValidator {
    checkDeclaration(declaration: ast.Declaration, accept: ValidationAcceptor): void {
        const report = (code: DiagnosticCode, message: string, node: AstNode, property?: string) =>
            accept('error', message, { node, property, code, data: { code, element: declaration.name ?? null } });

        this.checkRepeatedProperties(declaration, report);
        for (const node of syntaxNodes(declaration)) {
            if (ast.isGroup(node) || ast.isPolicyProperty(node)) {
                this.checkRepeatedProperties(node, report);
            } else if (ast.isResponseProperty(node)) {
                this.checkPhases(node, report);
            }
            this.checkValues(node, report);
        }
    }

    private checkRepeatedProperties(node: { properties: AstNode[] },
        report: (code: DiagnosticCode, message: string, node: AstNode) => void): void {
        const seen = new Set<string>();
        for (const property of node.properties) {
            if (REPEATABLE.has(property.$type)) {
                continue;
            }
            if (seen.has(property.$type)) {
                const keyword = leadingKeyword(property.$cstNode) ?? property.$type;
                report('duplicate-property', `\`${keyword}\` is given more than once; only the first counts`, property);
            }
            seen.add(property.$type);
        }
    }

    private checkPhases(response: ast.ResponseProperty,
        report: (code: DiagnosticCode, message: string, node: AstNode, property?: string) => void): void {
        const seen = new Set<string>();
        let latest = -1;
        for (const phase of response.phases) {
            const order = PHASE_ORDER.indexOf(phase.phase as PhaseName);
            if (seen.has(phase.phase)) {
                report('duplicate-property', `The phase \`${phase.phase}\` is given more than once; only the first counts`, phase, 'phase');
            } else if (order < latest) {
                report('invalid-value', `The phase \`${phase.phase}\` comes after \`${PHASE_ORDER[latest]}\`; phases run `
                    + `in the order ${PHASE_ORDER.join(', ')}`, phase, 'phase');
            }
            seen.add(phase.phase);
            latest = Math.max(latest, order);
            if (phase.phase !== 'stabilize') {
                for (const item of phase.items.filter(ast.isExecute)) {
                    report('invalid-value', `\`execute\` belongs in the \`stabilize\` phase, not \`${phase.phase}\``, item);
                }
            }
        }
    }

    private checkValues(node: AstNode,
        report: (code: DiagnosticCode, message: string, node: AstNode, property?: string) => void): void {
        const duration = (value: number | undefined, property: string) => {
            if (value !== undefined && !isValidDuration(value)) {
                // As written: past 2^53 seconds, the value itself would print as `7e+26d`.
                const written = GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text ?? formatDuration(value);
                report('invalid-value', durationTooLong(written), node, property);
            }
        };
        switch (node.$type) {
            case ast.RtoProperty.$type: {
                const { value } = node as ast.RtoProperty;
                if (value === 0) {
                    report('invalid-value', 'An RTO of 0s cannot be met by any recovery; it counts as no RTO', node, 'value');
                }
                duration(value, 'value');
                break;
            }
            case ast.TestValiditySetting.$type: {
                const { value } = node as ast.TestValiditySetting;
                if (value === 0) {
                    report('invalid-value', 'A test-validity of 0s would make every test stale; the default 365d applies', node, 'value');
                }
                duration(value, 'value');
                break;
            }
            case ast.RpoProperty.$type:
            case ast.RecoveryTimeProperty.$type:
            case ast.RecoveryPointProperty.$type:
            case ast.Step.$type:
            case ast.ManualAction.$type:
            case ast.ScriptAction.$type:
            case ast.AutomationAction.$type: {
                const valued = node as { value?: number; duration?: number };
                duration(valued.value ?? valued.duration, 'value' in valued ? 'value' : 'duration');
                break;
            }
            case ast.ReplicationProperty.$type:
                duration((node as ast.ReplicationProperty).interval, 'interval');
                break;
            case ast.BackupProperty.$type:
                duration((node as ast.BackupProperty).interval, 'interval');
                duration((node as ast.BackupProperty).retention, 'retention');
                break;
            case ast.Tested.$type:
            case ast.TestedProperty.$type:
                // A date the parser never read (a syntax error) is already reported as such.
                if ((node as ast.Tested).date !== undefined && !isValidDate((node as ast.Tested).date)) {
                    const text = AstUtils.getDocument(node).textDocument.getText(node.$cstNode?.range).replace(/^tested\s*/, '');
                    report('invalid-value', `${text} is not a date that exists; the test proves nothing`, node, 'date');
                }
                break;
            case ast.StaffEffectivenessSetting.$type: {
                const { value } = node as ast.StaffEffectivenessSetting;
                // No value at all is a syntax error, already reported.
                if (value !== undefined && !isValidPercentage(value)) {
                    report('invalid-value', `staff-effectiveness must be from 1% to 100%, not ${value}%; 100% applies`, node, 'value');
                }
                break;
            }
            case ast.InstancesProperty.$type:
                if ((node as ast.InstancesProperty).value < 1) {
                    report('invalid-value', 'A workload runs at least 1 instance; 1 applies', node, 'value');
                }
                break;
        }
    }
}

export function registerValidationChecks(services: DrPlanServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.DrPlanValidator;
    const checks: ValidationChecks<ast.DrPlanAstType> = {
        Declaration: validator.checkDeclaration.bind(validator),
    };
    registry.register(checks, validator);
}
