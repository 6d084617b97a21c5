/**
 * Sites and workloads for the recovery-plan rules: Net ← Db ← App (App depends on Db and Net, Db on
 * Net), all at Primary failing over to Cloud; Local runs at Primary without failover; Remote runs at
 * Secondary. Tests append a recovery plan.
 */
export const RECOVERY_BASE = `
site Primary "Primary" { kind on-premises }
site Secondary "Secondary" { kind on-premises }
site Cloud "Cloud" { kind azure }
workload Net "Net" { runs-at Primary failover-to Cloud stateless recovery-time 5m estimated }
workload Db "Db" { runs-at Primary failover-to Cloud replication asr every 5m recovery-time 10m estimated depends-on Net }
workload App "App" { runs-at Primary failover-to Cloud stateless recovery-time 10m estimated depends-on Db, Net }
workload Cache "Cache" { runs-at Primary failover-to Cloud stateless recovery-time 1m estimated depends-on App }
workload Remote "Remote" { runs-at Secondary failover-to Cloud stateless recovery-time 5m estimated }
workload Local "Local" { runs-at Primary stateless recovery-time 5m estimated }
`;

/** A tested recovery plan from Primary to Cloud with these groups. */
export function recoveryPlan(groups: string, fromTo = 'from Primary to Cloud', name = 'Move'): string {
    return `recovery-plan ${name} "${name}" {
  ${fromTo}
  tested 2026-10-01
${groups}
}
`;
}
