import type { MapNodeKind } from '../../../language/src/protocol.js';

/** One SVG element of an icon: its tag and attributes. */
export type Shape = ['path' | 'circle' | 'ellipse' | 'rect', Record<string, string>];

const path = (d: string): Shape => ['path', { d }];
const circle = (cx: number, cy: number, r: number): Shape => ['circle', { cx: String(cx), cy: String(cy), r: String(r) }];

/**
 * The 16×16 line drawings of `drplan graph` (packages/language/src/graph/svg.ts), as data, so that
 * the preview builds them with createElementNS like everything else it draws.
 */
export function kindIcon(kind: MapNodeKind, subkind: string | undefined): Shape[] {
    switch (kind) {
        case 'process':
            return [path('M1 3h10l4 5-4 5H1l4-5z')];
        case 'workload':
            if (subkind === 'database') {
                return [['ellipse', { cx: '8', cy: '3.5', rx: '6', ry: '2.2' }],
                    path('M2 3.5v9c0 1.2 2.7 2.2 6 2.2s6-1 6-2.2v-9M2 8c0 1.2 2.7 2.2 6 2.2s6-1 6-2.2')];
            }
            if (subkind === 'network') {
                return [circle(8, 3, 2), circle(3, 13, 2), circle(13, 13, 2), path('M7 4.8 4 11.2M9 4.8l3 6.4M5 13h6')];
            }
            if (subkind === 'identity') {
                return [circle(5, 8, 3.2), path('M8.2 8H15M12.5 8v3M15 8v2.5')];
            }
            return [['rect', { x: '1.5', y: '1.5', width: '13', height: '5.5', rx: '1' }],
                ['rect', { x: '1.5', y: '9', width: '13', height: '5.5', rx: '1' }], path('M4 4.2h.1M4 11.7h.1')];
        case 'supplier':
            return [path('M1 4h9v8H1zM10 7h3l2 2.5V12h-5z'), circle(4, 13, 1.6), circle(12, 13, 1.6)];
        case 'customer':
            return [circle(8, 5, 3), path('M2 15c0-3.5 2.7-5.5 6-5.5s6 2 6 5.5')];
        case 'workforce':
            return [circle(5.5, 5, 2.5), circle(11.5, 5.5, 2),
                path('M1 14.5c0-3 2-4.8 4.5-4.8S10 11.5 10 14.5M10.5 9.6c2.6-.4 4.5 1.4 4.5 4.4')];
        case 'equipment':
            return [path('M4 6V1.5h8V6M2 6h12v6H2zM4 10h8v4.5H4z')];
        case 'data':
            return [path('M3 1.5h7l3 3v10H3zM10 1.5v3h3M5.5 8h5M5.5 11h5')];
    }
}

export function siteIcon(subkind: string | undefined): Shape[] {
    if (subkind === 'azure' || subkind === 'aws' || subkind === 'gcp') {
        return [path('M4.5 13h8a3 3 0 0 0 .3-6A4.5 4.5 0 0 0 4.2 6.3 3.4 3.4 0 0 0 4.5 13z')];
    }
    return [path('M2 14.5V5l6-3 6 3v9.5zM5.5 14.5v-4h5v4M5 7h1M10 7h1')];
}
