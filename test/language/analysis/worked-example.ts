/**
 * The worked example of LANGUAGE.md §3.2, written out as the spec's snippets give it
 * (staff-effectiveness 50%): L = 2h30m, Identity ends 3h00m, OrderDb ready 4h00m, Data ends 4h30m,
 * OrderApp starts 4h35m and is ready 5h20m, so OrderFulfilment (RTO 4h) gets `rto-gap`.
 * As in the spec, CoreNetwork is in no group (ready at L + 20m = 2h50m), which also gives OrderDb
 * `missing-from-plan`; that is the only other diagnostic.
 */
export const WORKED_EXAMPLE = `
site Seattle "Seattle primary datacenter" { kind on-premises }
site AzureWestUS2 "Azure West US 2" { kind azure region "westus2" }

person JaneDoe "Jane Doe" { email "jane.doe@contoso.example" }
person RaviPatel "Ravi Patel" { }
person MariaGarcia "Maria Garcia" { }
person SamOkafor "Sam Okafor" { }
person ChenWei "Chen Wei" { }
person PriyaSharma "Priya Sharma" { }
role IncidentCommander "Incident Commander" { filled-by JaneDoe, RaviPatel }
role OpsLead "Operations lead" { filled-by MariaGarcia, RaviPatel }
role DBA "Database administrator" { filled-by SamOkafor, ChenWei }
role NOC "Network operations" { filled-by ChenWei, MariaGarcia }
role AppTeam "Application team" { filled-by JaneDoe, ChenWei }
role CIO "CIO" { filled-by PriyaSharma }
role SalesLead "Sales lead" { filled-by PriyaSharma }

workload ActiveDirectory "Active Directory" {
  kind identity
  runs-at Seattle
  failover-to AzureWestUS2
  replication asr every 30s
  recovery-time 30m tested 2026-09-12
  recovery-point 30s tested 2026-09-12
}
workload CoreNetwork "Core network" {
  kind network
  runs-at Seattle
  failover-to AzureWestUS2
  stateless
  recovery-time 20m tested 2026-09-12
}
workload OrderDb "Order database (SQL Server)" {
  kind database
  runs-at Seattle
  failover-to AzureWestUS2
  instances 2
  replication sql-always-on every 30s
  backup azure-backup every 24h retain 30d
  recovery-time 1h tested 2026-09-12
  recovery-point 30s tested 2026-09-12
  depends-on ActiveDirectory, CoreNetwork
}
workload OrderApp "Order application" {
  kind application
  runs-at Seattle
  failover-to AzureWestUS2
  stateless
  recovery-time 45m tested 2026-09-12
  depends-on OrderDb, ActiveDirectory
}
workload WebShop "Web shop" {
  kind application
  runs-at Seattle
  failover-to AzureWestUS2
  stateless
  recovery-time 30m tested 2026-09-12
  depends-on OrderDb
}

process OrderFulfilment "Order fulfilment" {
  criticality critical
  rto 4h
  rpo 15m
  owner SalesLead
  workloads OrderApp
}

recovery-plan OrderTierFailover "Fail the order tier over to Azure" {
  from Seattle to AzureWestUS2
  tested 2026-09-12
  group Identity { workloads ActiveDirectory }
  group Data {
    workloads OrderDb
    after { manual VerifyListener "Verify the AG listener answers" by DBA takes 15m }
  }
  group Apps {
    before { script UpdateDns "scripts/update-dns.ps1" on recovery takes 5m }
    workloads OrderApp, WebShop
    after  { automation WarmCaches "rb-warm-caches" takes 10m only planned, unplanned }
  }
}

plan ContosoRetail "Contoso Retail order-to-cash DR plan" {
  owner CIO
  covers OrderFulfilment
  policy {
    test-validity 365d
    staff-effectiveness 50%
    spof-threshold high
  }
  response {
    watch     { step Monitor "Watch the regional alert feed" by NOC takes 0s }
    mobilize  { step Declare "Declare a disaster, open the war room" by IncidentCommander takes 30m }
    assess    { step Damage "Assess damage at Seattle" by OpsLead takes 45m }
    stabilize {
      execute OrderTierFailover
      step SmokeTest "Smoke-test order entry" by AppTeam takes 20m
    }
    close     { step Review "Post-incident review" by IncidentCommander takes 2h }
  }
  raci {
    Monitor: accountable OpsLead
    Declare: accountable CIO responsible IncidentCommander consulted OpsLead informed SalesLead
    Damage: accountable IncidentCommander
    VerifyListener: accountable OpsLead
    SmokeTest: accountable SalesLead
    Review: accountable CIO
  }
}
`;
