import { beforeAll, describe, expect, test } from 'vitest';
import { buildDependencyMap, escapeXml, layoutMap, renderSvg } from '../../../packages/language/src/graph/index.js';
import type { LaidOutMap } from '../../../packages/language/src/protocol.js';
import { analyse, analyseExample } from './workspace.js';

/**
 * A strict little XML check: tags nest, attribute values are quoted and hold no `<`, and every `&`
 * in text or attributes starts one of the five entities escapeXml writes.
 */
function expectWellFormedXml(xml: string): void {
    const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
    const entity = /&(?!(?:amp|lt|gt|quot|#39);)/;
    const stack: string[] = [];
    let last = 0;
    for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
        const text = xml.slice(last, match.index);
        expect(text, `text before ${match[0]}`).not.toContain('<');
        expect(entity.test(text), `a bare & in ${JSON.stringify(text.slice(0, 80))}`).toBe(false);
        expect(entity.test(match[3]), `a bare & in ${match[0]}`).toBe(false);
        const [, closing, name, , selfClosing] = match;
        if (closing) {
            expect(stack.pop(), `</${name}>`).toBe(name);
        } else if (!selfClosing) {
            stack.push(name);
        }
        last = tag.lastIndex;
    }
    expect(xml.slice(last).trim()).toBe('');
    expect(stack).toEqual([]);
}

test('escapeXml escapes the five XML characters and drops control characters XML forbids', () => {
    expect(escapeXml(`<script>alert("1") & 'x'</script>`))
        .toBe('&lt;script&gt;alert(&quot;1&quot;) &amp; &#39;x&#39;&lt;/script&gt;');
    expect(escapeXml(']]>')).toBe(']]&gt;');
    expect(escapeXml('a\u0000b\u001Bc\td\ne')).toBe('abc\td\ne');
    expect(escapeXml('Zürich · 5h20m ✗')).toBe('Zürich · 5h20m ✗');
});

describe('the SVG of examples/contoso-retail', () => {
    let map: LaidOutMap;
    let svg: string;
    beforeAll(async () => {
        map = await layoutMap(buildDependencyMap(await analyseExample('contoso-retail')));
        svg = renderSvg(map);
    });

    test('is one well-formed, standalone SVG document with its own style sheet', () => {
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="drplan-map theme-light"')).toBe(true);
        expect(svg).toMatch(/<style>[^<]*\.drplan-map \.status-gap \.box \{[^}]*fill: var\(--gap-fill\)/);
        expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // no fetches
        expectWellFormedXml(svg);
    });

    test('has a group for every node, carrying its element name, status, findings and lines', () => {
        for (const node of map.nodes) {
            const group = new RegExp(`<g class="node kind-${node.kind} status-${node.status}" data-element="${node.id}" `
                + `data-kind="${node.kind}" data-status="${node.status}"[^>]*><title>([^<]*)</title>`).exec(svg);
            expect(group, node.id).not.toBeNull();
            for (const finding of node.findings) {
                expect(group![1]).toContain(`${finding.severity} ${finding.code}: ${escapeXml(finding.message)}`);
            }
        }
        const fulfilment = svg.slice(svg.indexOf('data-element="OrderFulfilment"'));
        const group = fulfilment.slice(0, fulfilment.indexOf('</g>\n'));
        expect(group).toContain('data-status="gap"');
        expect(group).toContain('error rto-gap: OrderFulfilment recovers in 5h20m but its RTO is 4h');
        expect(group).toContain('<text class="name" x="34" y="34">OrderFulfilment</text>');
        expect(group).toContain('>Order fulfilment</text>');
        expect(group).toContain('>recovers in 5h20m ✗ RTO 4h · RP 30s ✓ RPO 15m</text>');
        expect(group).toContain('>PROCESS · CRITICAL</text>');
        expect(group).toContain('>GAP</text>');
    });

    test('draws sites as labelled boxes and every edge as an arrowed path styled by its kind', () => {
        for (const container of map.containers) {
            expect(svg).toContain(`data-site="${container.id}" data-status="${container.status}"`);
        }
        expect(svg).toContain('<tspan class="site-name">AzureWestUS2</tspan><tspan class="site-title" dx="8">Azure West US 2</tspan>');
        for (const edge of map.edges) {
            expect(svg).toMatch(new RegExp(`<g class="edge edge-${edge.kind}" data-edge="${escapeXml(edge.id)}"[^>]*><title>[^<]*</title>`
                + `<path d="M[^"]+" marker-end="url\\(#drplan-map-arrow-${edge.kind}\\)"/></g>`));
        }
        expect(svg).toContain('>Customer orders</text>');
        expect(svg).toMatch(/\.edge-supplier path, \.drplan-map \.edge-customer path \{[^}]*stroke-dasharray/);
    });

    test('has a legend of the status colours and of the edge kinds on the map, and names the SPOF it cannot draw', () => {
        const legend = svg.slice(svg.indexOf('<g class="legend">'));
        for (const status of ['gap', 'spof', 'unproven', 'ok']) {
            expect(legend).toContain(`<g class="legend-status" data-status="${status}"><rect class="swatch status-${status}"`);
        }
        for (const kinds of ['input output', 'supplier customer', 'workload', 'depends-on', 'data', 'held-by',
            'workforce equipment', 'alternative']) {
            expect(legend).toContain(`data-edge-kind="${kinds}"`);
        }
        expect(legend).toContain('>input / output (what flows)</text>');
        expect(legend).toContain('Not drawn: person SamOkafor is a single point of failure for WebOrdering, '
            + 'OrderFulfilment, Payments');
        expect(legend).toContain('3 processes · 6 workloads · 3 sites · 1 gap · 1 SPOF · 2 unproven');
    });

    test('keeps the map at the SVG origin, so that the laid-out coordinates are the drawing\'s', () => {
        const node = map.nodes.find(candidate => candidate.id === 'OrderDb')!;
        expect(svg).toContain(`data-element="OrderDb" data-kind="workload" data-status="unproven" `
            + `transform="translate(${Math.round(node.x * 10) / 10} ${Math.round(node.y * 10) / 10})"`);
        const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
        expect(Number(width)).toBeGreaterThanOrEqual(map.width);
        expect(Number(height)).toBeGreaterThan(map.height);
    });

    test('the dark theme switches the class, ids can be prefixed for pages with several maps', () => {
        const dark = renderSvg(map, { theme: 'dark', idPrefix: 'focus 2' });
        expect(dark).toContain('class="drplan-map theme-dark"');
        expect(dark).toContain('.drplan-map.theme-dark {');
        expect(dark).toContain('<marker id="focus-2-arrow-depends-on"');
        expect(dark).toContain('marker-end="url(#focus-2-arrow-depends-on)"');
        expect(dark).not.toContain('drplan-map-arrow');
    });
});

test('user-written text never reaches the SVG unescaped', async () => {
    const analysis = await analyse({ 'hostile.drplan': `
        site Main "Main <b>site</b> & \\"co\\"" { kind on-premises region "<img src=x onerror=alert(1)>" }
        workload Evil "<script>alert(1)</script>" { runs-at Main recovery-time 1h estimated }
        supplier Src "]]>" { kind vendor }
        customer Buyers "Tom & Jerry" { kind external }
        data Records "<![CDATA[ x ]]>" { held-by Evil }
        process Quotes "\\"quotes\\" and 'apostrophes'" {
          rto 4h workloads Evil data Records
          input "]]> & <x>" from Src
          output "a < b & \\"c\\"" to Buyers
        }
    ` });
    const map = buildDependencyMap(analysis);
    const svg = renderSvg(await layoutMap(map));
    expectWellFormedXml(svg);
    expect(svg).not.toMatch(/<script|<b>|<img|<!\[CDATA\[|<x>/);
    expect(svg).not.toContain(']]>');
    expect(svg).not.toContain('"quotes"');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;quotes&quot; and &#39;apostrophes&#39;');
    expect(svg).toContain('>]]&gt;</text>');
    expect(svg).toContain('>Tom &amp; Jerry</text>');
    expect(svg).toContain('>]]&gt; &amp; &lt;x&gt;</text>');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    for (const node of map.nodes) {
        expect(svg).toContain(`data-element="${node.id}"`);
    }
});

test('a long title is shortened on its box and kept whole in its tooltip', async () => {
    const title = 'Core network: switches, firewalls, DNS, ExpressRoute and the load balancers in front of them';
    const map = await layoutMap(buildDependencyMap(await analyse({ 'a.drplan': `workload Net "${title}" { stateless }` })));
    const svg = renderSvg(map);
    expect(svg).toContain(`<title>Net: ${title}\n`);
    expect(svg).toContain('<text class="title" x="34" y="49">Core network: switches, firewalls, DNS…</text>');
});
