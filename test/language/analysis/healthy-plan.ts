/**
 * A plan with nothing to report on 2026-11-21: every workload protected and failing over to the
 * cloud, every capability tested on 2026-10-01, every role filled by two people, every supplier with
 * an alternative, RACI complete, groups in dependency order, and Sales recovered in 2h30m (RTO 4h)
 * with a 5m recovery point (RPO 15m). Rule tests break one thing at a time with `edit`.
 *
 * Timeline (staff-effectiveness 50%): Declare 15m → 30m, Assess 15m → 30m: L = 1h.
 * First: Identity 20m → 1h20m. Second: Db 30m → ready 1h50m, CheckDb 10m → 20m → ends 2h10m.
 * Third: SwitchDns 5m → App starts 2h15m, RT 15m → ready 2h30m.
 */
export const HEALTHY_FILES = {
    'sites.drplan': `
site Primary "Primary datacenter" { kind on-premises }
site Secondary "Secondary datacenter" { kind colocation }
site Cloud "Azure West Europe" { kind azure region "westeurope" }
`,
    'people.drplan': `
person Ann "Ann" { email "ann@example.com" }
person Bob "Bob" { phone "+1 555 0101" }
person Cid "Cid" { }
person Dee "Dee" { }
role Commander "Incident commander" { filled-by Ann, Bob }
role Operators "Operators" { filled-by Cid, Dee }
`,
    'resources.drplan': `
supplier Carrier "Parcel carrier" { kind partner alternative Courier }
supplier Courier "Courier" { kind partner alternative Carrier }
customer Shoppers "Shoppers" { kind external }
workforce Pickers "Pickers" { at Primary alternate-site Secondary }
equipment Scanners "Scanners" { at Primary spares 2 alternate-site Secondary }
data Orders "Orders" { held-by Db vital }
`,
    'workloads.drplan': `
workload Identity "Directory" {
  kind identity
  runs-at Primary
  failover-to Cloud
  instances 2
  replication asr every 5m
  recovery-time 20m tested 2026-10-01
  recovery-point 5m tested 2026-10-01
}
workload Db "Database" {
  kind database
  runs-at Primary
  failover-to Cloud
  replication sql-always-on every 30s
  backup azure-backup every 24h retain 30d
  recovery-time 30m tested 2026-10-01
  recovery-point 30s tested 2026-10-01
  depends-on Identity
}
workload App "Shop application" {
  kind application
  runs-at Primary
  failover-to Cloud
  stateless
  recovery-time 15m tested 2026-10-01
  depends-on Db, Identity
}
`,
    'processes.drplan': `
process Sales "Sales" {
  criticality critical
  rto 4h
  rpo 15m
  owner Commander
  suppliers Carrier
  output "Shipments" to Shoppers
  customers Shoppers
  workloads App
  workforce Pickers
  locations Primary, Secondary
  equipment Scanners
  data Orders
}
`,
    'failover.drplan': `
recovery-plan Failover "Fail over to Azure" {
  from Primary to Cloud
  tested 2026-10-01
  group First { workloads Identity }
  group Second {
    workloads Db
    after { manual CheckDb "Check the listener" by Operators takes 10m }
  }
  group Third {
    before { script SwitchDns "scripts/dns.ps1" on recovery takes 5m }
    workloads App
  }
}
`,
    'plan.drplan': `
plan Continuity "Continuity plan" {
  owner Commander
  covers Sales
  policy {
    test-validity 365d
    staff-effectiveness 50%
    spof-threshold low
  }
  response {
    watch { step Watch "Watch alerts" by Operators takes 0s }
    mobilize { step Declare "Declare a disaster" by Commander takes 15m }
    assess { step Assess "Assess the damage" by Operators takes 15m }
    stabilize {
      execute Failover
      step Verify "Verify the shop" by Operators takes 10m
    }
    close { step Review "Post-incident review" by Commander takes 1h }
  }
  raci {
    Watch: accountable Operators
    Declare: accountable Commander
    Assess: accountable Commander responsible Operators
    CheckDb: accountable Operators
    Verify: accountable Commander informed Operators
    Review: accountable Commander
  }
}
`,
} as const;

export type HealthyFile = keyof typeof HEALTHY_FILES;

/** The healthy workspace with some files replaced (e.g. one property broken). */
export function healthyWith(changes: Partial<Record<HealthyFile | string, string>>): Record<string, string> {
    return { ...HEALTHY_FILES, ...changes } as Record<string, string>;
}

/** The healthy workspace with text replaced in some of its files: `[file, from, to]` each. */
export function healthyEdited(...edits: ReadonlyArray<readonly [HealthyFile, string, string]>): Record<string, string> {
    const files: Record<string, string> = { ...HEALTHY_FILES };
    for (const [file, from, to] of edits) {
        if (!files[file].includes(from)) {
            throw new Error(`${file} of the healthy plan has no ${JSON.stringify(from)} to replace`);
        }
        files[file] = files[file].split(from).join(to);
    }
    return files;
}
