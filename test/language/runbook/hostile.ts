import { buildRunbook, type Runbook, type RunbookGap } from '../../../packages/language/src/runbook/index.js';
import { buildWorkspace, type TestWorkspace } from '../analysis/workspace.js';

/** Text that would do something if it reached a page unescaped: script, attribute, CDATA end, link, table, heading. */
export const HOSTILE = ['<script>alert(1)</script>', '"onmouseover="x', ']]>', '[link](http://evil)', '| a | b |', '# heading'];

/** All of them in one string, as a user could write it between quotes. */
export const HOSTILE_TEXT = HOSTILE.join(' ');

/** A .drplan string literal for `text`. */
function literal(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const x = literal(HOSTILE_TEXT);

/** A small but complete workspace whose every free-text value is hostile. */
export const HOSTILE_FILES: Readonly<Record<string, string>> = {
    'plan.drplan': `
site Primary ${x} { kind on-premises }
site Cloud ${x} { kind azure region ${x} }
person Ann ${x} { email ${x} phone ${x} }
person Bob "Bob" { email "bob@example.org" }
role Lead ${x} { filled-by Ann, Bob }
role Dba ${x} { filled-by Ann }
supplier Vendor ${x} { kind vendor }
customer Buyers ${x} { kind external }
workload Db ${x} {
  kind database owner Dba runs-at Primary failover-to Cloud
  native-availability ${x}
  replication asr every 5m
  recovery-time 1h tested 2026-09-01
  recovery-point 5m estimated
}
workload App ${x} {
  kind application owner Lead runs-at Primary failover-to Cloud stateless
  recovery-time 30m estimated
  depends-on Db
}
process Upstream ${x} { criticality low rto 8h workloads Db }
process Orders ${x} {
  criticality critical rto 1h rpo 1m owner Lead
  suppliers Vendor
  input ${x} from Upstream
  output ${x} to Buyers
  workloads App
}
recovery-plan Failover ${x} {
  from Primary to Cloud
  group First ${x} {
    workloads Db
    after { manual Check ${x} by Dba takes 10m }
  }
  group Second ${x} {
    before { script Dns ${x} on recovery takes 5m }
    workloads App
    after { automation Warm ${x} takes 5m only planned }
  }
}
plan Response ${x} {
  owner Lead
  covers Orders
  response {
    watch { step Watch ${x} by Lead takes 0s }
    mobilize { step Declare ${x} by Lead takes 30m }
    stabilize { execute Failover }
    close { step Review ${x} by Lead takes 1h }
  }
  raci {
    Declare: accountable Lead consulted Dba
  }
}
`,
};

export interface HostileRunbook {
    workspace: TestWorkspace;
    runbook: Runbook;
}

/** The hostile workspace's runbook, with its diagnostics as gaps (their messages quote the hostile input too). */
export async function hostileRunbook(failover: 'planned' | 'unplanned' | 'test' = 'planned'): Promise<HostileRunbook> {
    const workspace = await buildWorkspace(HOSTILE_FILES);
    const gaps: RunbookGap[] = workspace.all().map(diagnostic => ({
        file: `${HOSTILE[0]}/${diagnostic.file}`, line: diagnostic.line, column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1, endColumn: diagnostic.range.end.character + 1,
        severity: diagnostic.severity === 'hint' ? 'info' : diagnostic.severity, code: diagnostic.code,
        element: diagnostic.element ?? null, message: diagnostic.message,
    }));
    const runbook = buildRunbook(workspace.workspaceAnalysis.forFailover(failover), { gaps });
    return { workspace, runbook };
}
