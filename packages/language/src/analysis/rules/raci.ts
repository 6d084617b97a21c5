import type { Activity, Plan } from '../../model/plan-model.js';
import { listNames, type Rule } from './rule.js';

/** The steps of a plan and the manual actions of the recovery plans it executes. */
export function planActivities(plan: Plan): Activity[] {
    const activities: Activity[] = [];
    for (const phase of plan.phases) {
        for (const item of phase.items) {
            if (item.kind === 'step') {
                activities.push(item);
            } else {
                for (const group of item.recoveryPlan.groups) {
                    activities.push(...group.before.filter(a => a.kind === 'manual'), ...group.after.filter(a => a.kind === 'manual'));
                }
            }
        }
    }
    return activities;
}

/** raci-accountable and raci-missing. */
export const checkRaci: Rule = (context, report) => {
    const missing = new Set<Activity>();
    for (const plan of context.model.plans) {
        if (!plan.raci) {
            continue;
        }
        for (const row of plan.raci) {
            const accountable = row.accountable;
            if (accountable.length !== 1) {
                report({
                    code: 'raci-accountable', severity: 'error', element: row.activity.name, location: row.location,
                    message: accountable.length === 0
                        ? `${row.activity.name} has no accountable role: name exactly one`
                        : `${row.activity.name} has ${accountable.length} accountable roles (${listNames(accountable.map(r => r.name))}): `
                            + `exactly one must be accountable`,
                });
            }
        }
        const rows = new Set(plan.raci.map(row => row.activity));
        for (const activity of planActivities(plan)) {
            if (!rows.has(activity)) {
                missing.add(activity);
            }
        }
    }
    for (const activity of missing) {
        report({
            code: 'raci-missing', severity: 'warning', element: activity.name, location: activity.location,
            message: `${activity.name} has no RACI row, so nobody is accountable for it`,
        });
    }
};
