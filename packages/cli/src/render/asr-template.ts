import type { Action, FailoverType, Group, RecoveryPlan, Workload } from '@drplan/language';
import { CliError } from '../cli-error.js';

/** The ARM resource type and the api-version whose published schema the template follows. */
export const RECOVERY_PLAN_TYPE = 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans';
export const RECOVERY_PLAN_API_VERSION = '2025-01-01';
const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

const asrFailoverTypes: Readonly<Record<FailoverType, string>> = {
    planned: 'PlannedFailover',
    unplanned: 'UnplannedFailover',
    test: 'TestFailover',
};

interface TemplateParameter {
    type: 'string';
    metadata: { description: string };
}

interface AsrAction {
    actionName: string;
    failoverTypes: string[];
    failoverDirections: string[];
    customDetails: Record<string, string>;
}

interface AsrGroup {
    groupType: 'Shutdown' | 'Failover' | 'Boot';
    replicationProtectedItems: Array<{ id: string }>;
    startGroupActions: AsrAction[];
    endGroupActions: AsrAction[];
}

/**
 * The ARM deployment template that creates `recoveryPlan` in an Azure Site Recovery vault: the Shutdown
 * and Failover groups ASR always has, then one Boot group per drplan group, in order. Azure ids are not in
 * the plan, so the vault, the two fabrics and each workload's replication-protected item are parameters.
 */
export function asrTemplate(recoveryPlan: RecoveryPlan, generatorVersion: string): object {
    const workloads = membersOf(recoveryPlan);
    const parameters: Record<string, TemplateParameter> = {
        vaultName: parameter('Name of the Recovery Services vault that holds the recovery plan.'),
        primaryFabricId: parameter(`ARM id of the Site Recovery fabric of the primary site${siteNote(recoveryPlan.from?.name, recoveryPlan.from?.title)}.`),
        recoveryFabricId: parameter(`ARM id of the Site Recovery fabric of the recovery site${siteNote(recoveryPlan.to?.name, recoveryPlan.to?.title)}.`),
    };
    for (const workload of workloads) {
        parameters[protectedItemParameter(workload)] = parameter(
            `ARM id of the replication-protected item of workload ${workload.name}${workload.title ? ` — ${workload.title}` : ''}.`);
    }
    checkParameterNames(recoveryPlan, Object.keys(parameters));

    const groups: AsrGroup[] = [emptyGroup('Shutdown'), emptyGroup('Failover'), ...recoveryPlan.groups.map(bootGroup)];
    return {
        $schema: TEMPLATE_SCHEMA,
        contentVersion: '1.0.0.0',
        metadata: {
            _generator: { name: 'drplan', version: generatorVersion },
            description: armString(describePlan(recoveryPlan)),
        },
        parameters,
        resources: [{
            type: RECOVERY_PLAN_TYPE,
            apiVersion: RECOVERY_PLAN_API_VERSION,
            name: `[concat(parameters('vaultName'), '/', '${recoveryPlan.name}')]`,
            properties: {
                primaryFabricId: "[parameters('primaryFabricId')]",
                recoveryFabricId: "[parameters('recoveryFabricId')]",
                // Failing over into Azure creates Resource Manager VMs; site-to-site recovery has no deployment model.
                failoverDeploymentModel: recoveryPlan.to?.siteKind === 'azure' ? 'ResourceManager' : 'NotApplicable',
                groups,
            },
        }],
    };
}

/** `OrderDbProtectedItemId`: the template parameter of a workload's replication-protected item. */
export function protectedItemParameter(workload: Workload): string {
    return `${workload.name}ProtectedItemId`;
}

/** Every workload the groups fail over, in group order; ASR puts a machine in one group of a plan only. */
function membersOf(recoveryPlan: RecoveryPlan): Workload[] {
    const groupOf = new Map<Workload, Group>();
    for (const group of recoveryPlan.groups) {
        for (const { target } of group.members) {
            const first = groupOf.get(target);
            if (first && first !== group) {
                throw new CliError(`cannot export ${recoveryPlan.name}: ${target.name} is in groups ${first.name} and ${group.name}, `
                    + 'but Azure Site Recovery puts a machine in one group of a recovery plan only');
            }
            groupOf.set(target, group);
        }
    }
    return [...groupOf.keys()];
}

function bootGroup(group: Group): AsrGroup {
    return {
        groupType: 'Boot',
        replicationProtectedItems: [...new Set(group.members.map(member => member.target))]
            .map(workload => ({ id: `[parameters('${protectedItemParameter(workload)}')]` })),
        startGroupActions: group.before.map(asrAction),
        endGroupActions: group.after.map(asrAction),
    };
}

function emptyGroup(groupType: 'Shutdown' | 'Failover'): AsrGroup {
    return { groupType, replicationProtectedItems: [], startGroupActions: [], endGroupActions: [] };
}

function asrAction(action: Action): AsrAction {
    return {
        actionName: action.name,
        failoverTypes: action.failoverTypes.map(type => asrFailoverTypes[type]),
        failoverDirections: ['PrimaryToRecovery'],
        customDetails: customDetails(action),
    };
}

function customDetails(action: Action): Record<string, string> {
    // Only a recovering parser leaves an action without its text, and the export refuses a workspace
    // with syntax errors (requireSoundModel): the name stands in for what cannot happen.
    const text = armString(action.text ?? action.name);
    switch (action.kind) {
        case 'manual':
            return { instanceType: 'ManualActionDetails', description: text };
        case 'script':
            return { instanceType: 'ScriptActionDetails', path: text, fabricLocation: fabricLocation(action) };
        case 'automation':
            return { instanceType: 'AutomationRunbookActionDetails', runbookId: text, fabricLocation: fabricLocation(action) };
    }
}

/** Automation runs on the recovery side unless it says otherwise (LANGUAGE.md §2). */
function fabricLocation(action: Action): 'Primary' | 'Recovery' {
    return action.runsOn === 'primary' ? 'Primary' : 'Recovery';
}

function parameter(description: string): TemplateParameter {
    return { type: 'string', metadata: { description: armString(description) } };
}

function siteNote(name: string | undefined, title: string | undefined): string {
    return name === undefined ? '' : `, ${name}${title ? ` — ${title}` : ''}`;
}

function describePlan(recoveryPlan: RecoveryPlan): string {
    const title = recoveryPlan.title ? ` "${recoveryPlan.title}"` : '';
    const route = recoveryPlan.from && recoveryPlan.to ? `, from ${recoveryPlan.from.name} to ${recoveryPlan.to.name}` : '';
    // ASR groups have no names: say which drplan group each Boot group is.
    const groups = recoveryPlan.groups.map((group, index) => `${index + 1} ${group.name}`).join(', ');
    return `drplan recovery plan ${recoveryPlan.name}${title}${route}.${groups ? ` Boot groups: ${groups}.` : ''}`;
}

/**
 * A literal string as ARM reads it: a value that starts with `[` and ends with `]` would be evaluated as an
 * expression, and ARM's escape for a literal one is a doubled opening bracket.
 */
function armString(text: string): string {
    return text.startsWith('[') && text.endsWith(']') ? `[${text}` : text;
}

/** ARM parameter names are case-insensitive: `OrderDb` and `orderdb` would be one parameter. */
function checkParameterNames(recoveryPlan: RecoveryPlan, names: readonly string[]): void {
    const seen = new Map<string, string>();
    for (const name of names) {
        const other = seen.get(name.toLowerCase());
        if (other !== undefined) {
            throw new CliError(`cannot export ${recoveryPlan.name}: template parameters ${other} and ${name} differ only in case, which ARM treats as the same name`);
        }
        seen.set(name.toLowerCase(), name);
    }
}
