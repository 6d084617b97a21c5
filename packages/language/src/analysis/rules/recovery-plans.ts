import type { Group, RecoveryPlan, Workload } from '../../model/plan-model.js';
import { withDependencies } from '../rollup.js';
import type { Rule } from './rule.js';

/** The group each member of a recovery plan fails over in (its first). */
export function memberGroups(plan: RecoveryPlan): Map<Workload, Group> {
    const groups = new Map<Workload, Group>();
    for (const group of plan.groups) {
        for (const { target } of group.members) {
            if (!groups.has(target)) {
                groups.set(target, group);
            }
        }
    }
    return groups;
}

/**
 * The transitive dependencies of a recovery-plan member at group `position` that fail over in a
 * later group (`positionOf`; undefined: not in the plan), in the order found: the `failover-order`
 * errors of the member.
 */
export function dependenciesFailingOverLater(member: Workload, position: number,
    positionOf: (workload: Workload) => number | undefined): Workload[] {
    return [...withDependencies([member])]
        .filter(dependency => dependency !== member && (positionOf(dependency) ?? -1) > position);
}

/** failover-order, missing-from-plan, plan-site-mismatch and untested-plan. */
export const checkRecoveryPlans: Rule = (context, report) => {
    for (const plan of context.model.recoveryPlans) {
        if (!plan.tested) {
            report({
                code: 'untested-plan', severity: 'warning', element: plan.name, location: plan.location,
                message: `Recovery plan ${plan.name} has never been tested: give it a \`tested\` date once a failover drill has run`,
            });
        }
        const groups = memberGroups(plan);
        // Members of the last group that has any fail over after nothing: no need to walk their dependencies.
        let lastIndex = -1;
        groups.forEach(group => lastIndex = Math.max(lastIndex, group.index));
        for (const group of plan.groups) {
            for (const { target: member, location } of group.members) {
                if (groups.get(member) !== group) {
                    continue;
                }
                const later = group.index < lastIndex
                    ? dependenciesFailingOverLater(member, group.index, workload => groups.get(workload)?.index) : [];
                for (const dependency of later) {
                    const dependencyGroup = groups.get(dependency)!;
                    report({
                        code: 'failover-order', severity: 'error', element: member.name, location,
                        message: `${member.name} fails over in group ${group.name}, before ${dependency.name} `
                            + `it depends on (group ${dependencyGroup.name})`,
                        data: { dependency: dependency.name, group: dependencyGroup.name },
                    });
                }
                for (const { target: dependency } of member.dependsOn) {
                    if (groups.get(dependency) === group) {
                        report({
                            code: 'failover-order', severity: 'warning', element: member.name, location,
                            message: `${member.name} fails over in the same group (${group.name}) as ${dependency.name} `
                                + `it depends on: nothing makes it wait for ${dependency.name}`,
                            data: { dependency: dependency.name, group: group.name },
                        });
                    }
                    if (plan.from && dependency.runsAt === plan.from && !groups.has(dependency)) {
                        report({
                            code: 'missing-from-plan', severity: 'warning', element: member.name, location,
                            message: `${member.name} depends on ${dependency.name} at ${plan.from.name}, but no group of `
                                + `${plan.name} fails ${dependency.name} over`,
                            data: { dependency: dependency.name },
                        });
                    }
                }
                const problems: string[] = [];
                if (plan.from && member.runsAt !== plan.from) {
                    problems.push(member.runsAt ? `runs at ${member.runsAt.name}` : 'has no `runs-at` site');
                }
                if (plan.to && member.failoverTo !== plan.to) {
                    problems.push(member.failoverTo ? `fails over to ${member.failoverTo.name}` : 'has no `failover-to` site');
                }
                if (problems.length > 0) {
                    report({
                        code: 'plan-site-mismatch', severity: 'error', element: member.name, location,
                        message: `${plan.name} fails over from ${plan.from?.name ?? '?'} to ${plan.to?.name ?? '?'}, but `
                            + `${member.name} ${problems.join(' and ')}`,
                        data: { to: plan.to?.name ?? null },
                    });
                }
            }
        }
    }
};
