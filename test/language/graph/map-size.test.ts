import { describe, expect, test } from 'vitest';
import { buildDependencyMap, workspaceMapSize } from '../../../packages/language/src/graph/index.js';
import { analyse, analyseExample } from './workspace.js';

// The map request answers "too large" from this count without building the map: it must be the
// number of nodes the whole-workspace map has, exactly.
describe('the size of the whole-workspace map', () => {
    for (const example of ['contoso-retail', 'hospital-ehr', 'manufacturing-plant']) {
        test(`is the number of nodes of the map of examples/${example}`, async () => {
            const analysis = await analyseExample(example);
            expect(workspaceMapSize(analysis.model)).toBe(buildDependencyMap(analysis).nodes.length);
        });
    }

    test('counts a name declared twice once, and no sites, plans or people', async () => {
        const analysis = await analyse({
            'a.drplan': 'site Dc {}\nworkload App { runs-at Dc }\nworkload App {}\nperson Ann {}\nrole Ops { filled-by Ann }\n'
                + 'process Sales { workloads App }\nsupplier Isp {}\ncustomer Shops {}\n',
        });
        expect(workspaceMapSize(analysis.model)).toBe(4);
        expect(buildDependencyMap(analysis).nodes.map(node => node.id).sort()).toEqual(['App', 'Isp', 'Sales', 'Shops']);
    });
});
