import { EmptyFileSystem, type LangiumProfiler, type ProfilingCategory, ProfilingTask, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

// scripts/bench/langium-profile.mjs hands Langium's profiler to the services this way.

/** Keeps, by category, the names of the entries of every task (the task clears them after reporting). */
class NamesProfiler implements LangiumProfiler {
    readonly names = new Map<ProfilingCategory, Set<string>>();

    isActive(): boolean {
        return true;
    }

    start(): void {}

    stop(): void {}

    createTask(category: ProfilingCategory, taskId: string): ProfilingTask {
        return new ProfilingTask(record => {
            const names = this.names.get(category) ?? new Set<string>();
            this.names.set(category, names);
            [...record.entries.keys()].forEach(name => names.add(name.replace(/\u200b/g, '')));
        }, taskId);
    }

    getRecords(): never {
        throw new Error('not kept');
    }
}

describe('Langium\'s profiler', () => {
    test('times parsing by rule, linking by reference and validation by node type', async () => {
        const profiler = new NamesProfiler();
        const { shared } = createDrPlanServices(EmptyFileSystem, { profiler });
        const document = shared.workspace.LangiumDocumentFactory.fromString(
            'workload Db { recovery-time 1h }\nworkload App { depends-on Db }\n', URI.file('/profiled.drplan'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });

        expect(profiler.names.get('parsing')).toContain('WorkloadProperty');
        expect(profiler.names.get('linking')).toContain('DependsOnProperty:workloads');
        expect(profiler.names.get('validating')).toContain('Workload');
    });

    test('is off unless given', () => {
        const { shared } = createDrPlanServices(EmptyFileSystem);
        expect(shared.profilers.LangiumProfiler).toBeUndefined();
    });
});
