import { describe, expect, it } from 'vitest';
import { HEALTHY_FILES } from './healthy-plan.js';
import { buildWorkspace } from './workspace.js';

describe('a healthy plan', () => {
    it('produces no diagnostic at all, in any file', async () => {
        const workspace = await buildWorkspace(HEALTHY_FILES);
        expect(workspace.all()).toEqual([]);
    });

    it('is recovered in 2h30m with a 5m recovery point, both proven, under plan Continuity', async () => {
        const workspace = await buildWorkspace(HEALTHY_FILES);
        const sales = workspace.analysis.processes.get(workspace.element('Sales') as never)!;
        expect(sales.worst.plan?.name).toBe('Continuity');
        expect(sales.worst.recoveryTime).toMatchObject({ value: 2 * 3600 + 30 * 60, proven: true, complete: true });
        expect(sales.recoveryPoint).toMatchObject({ value: 300, proven: true, complete: true });
        expect(sales.rtoMet).toBe(true);
        expect(sales.rpoMet).toBe(true);
        expect(workspace.analysis.spofs).toEqual([]);
        expect(workspace.analysis.findings).toEqual([]);
    });
});
