/**
 * The dependency-map preview, in the webview. It only draws: the language server computes and lays
 * out the map, the extension brings it here. Messages in: `map`, `modelChanged`, `error`; out:
 * `ready`, `refresh`, `reveal`, `scope`, `focus` (see ../preview/messages.ts).
 */
import type { LaidOutMap, MapFinding, MapStatus } from '../../../language/src/protocol.js';
import { MAP_STATUSES } from '../../../language/src/protocol.js';
import type { FromWebviewMessage, MapMessage, PreviewState, ProcessEntry, ToWebviewMessage } from '../preview/messages.js';
import { arrowDefinitions, drawMap, STATUS_GLYPHS, STATUS_LABELS } from './draw-map.js';
import { PanZoom } from './viewport.js';

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as Partial<PreviewState>;
let state: PreviewState = { scope: saved.scope === 'process' ? 'process' : 'workspace', ...pick(saved) };

// Which map the viewport belongs to: a new scope or focus is fitted, an update of the same map keeps zoom and pan.
let shownIdentity: string | undefined;
let current: MapMessage | undefined;
let refreshWanted = false;
/** The map drawn now, as JSON: the same map again leaves the boxes alone (a hovered or focused box stays). */
let drawnMap: string | undefined;
/** A map that arrived while a button was down on the map, drawn once the click is over. */
let deferred: MapMessage | undefined;

const layout = buildLayout();
const panZoom = new PanZoom(layout.svg, layout.viewport, viewport => saveState({ viewport }), () => {
    // After the click event, which follows the release in the same task.
    setTimeout(() => {
        const waiting = deferred;
        deferred = undefined;
        if (waiting && !panZoom.pressed) {
            show(waiting);
        }
    });
});
if (state.viewport) {
    panZoom.set(state.viewport);
}

window.addEventListener('message', event => receive(event.data as ToWebviewMessage));
document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && refreshWanted) {
        requestRefresh();
    }
});
vscode.postMessage({ type: 'ready' });

function receive(message: ToWebviewMessage): void {
    switch (message?.type) {
        case 'map':
            show(message);
            break;
        case 'modelChanged':
            // Pull instead of being pushed: a hidden preview waits until it is seen again.
            if (document.visibilityState === 'visible') {
                requestRefresh();
            } else {
                refreshWanted = true;
            }
            break;
        case 'error':
            layout.root.dataset.state = 'error';
            layout.notice.replaceChildren(paragraph(message.message));
            break;
    }
}

function requestRefresh(): void {
    refreshWanted = false;
    vscode.postMessage({ type: 'refresh' });
}

function show(message: MapMessage): void {
    if (panZoom.pressed) {
        // Redrawing between press and release would take the pressed box out of the page, and the click with it.
        deferred = message;
        return;
    }
    current = message;
    const { map } = message;
    saveState({ scope: message.scope, process: map.focus ?? state.process, uri: message.uri });
    layout.scopeButtons.forEach(button => button.setAttribute('aria-pressed', String(button.dataset.scope === message.scope)));
    layout.status.textContent = statusLine(message);
    updateLegend(map);

    if (message.truncated) {
        layout.root.dataset.state = 'summary';
        layout.viewport.replaceChildren();
        drawnMap = undefined;
        layout.notice.replaceChildren(
            paragraph(`This map has ${message.truncated.nodes} nodes, more than drplan.preview.maxNodes `
                + `(${message.truncated.max}). Focus on one process to see what it needs:`),
            processList(message.processes),
        );
        return;
    }
    if (message.scope === 'process' && !map.focus) {
        layout.root.dataset.state = 'summary';
        layout.viewport.replaceChildren();
        drawnMap = undefined;
        layout.notice.replaceChildren(
            paragraph('Put the cursor inside a process to see what it needs, or pick one:'),
            processList(message.processes),
        );
        return;
    }
    if (map.nodes.length === 0 && map.containers.length === 0) {
        layout.root.dataset.state = 'empty';
        layout.viewport.replaceChildren();
        drawnMap = undefined;
        layout.notice.replaceChildren(paragraph('Nothing to draw yet: declare processes, workloads or suppliers in .drplan files.'));
        return;
    }
    layout.root.dataset.state = 'map';
    layout.notice.replaceChildren();
    const json = JSON.stringify(map);
    if (json !== drawnMap) {
        drawMap(layout.viewport, map);
        drawnMap = json;
    }
    const identity = `${message.scope}:${map.focus ?? ''}`;
    if (identity !== shownIdentity) {
        if (shownIdentity !== undefined || !state.viewport) {
            panZoom.fit(map.width, map.height);
        }
        shownIdentity = identity;
    }
}

function statusLine(message: MapMessage): string {
    const what = message.scope === 'process'
        ? (message.map.focus ? `${message.map.focus} and what it needs` : 'Process under the cursor')
        : 'Workspace';
    const asOf = message.asOf ? ` · as of ${message.asOf}` : '';
    return `${what} · ${message.failover} failover${asOf}`;
}

function updateLegend(map: LaidOutMap): void {
    const counts = new Map<MapStatus, number>(MAP_STATUSES.map(status => [status, 0]));
    // Sites are boxes with a status too: a site whose loss strands a process counts as a SPOF.
    for (const box of [...map.nodes, ...map.containers]) {
        counts.set(box.status, (counts.get(box.status) ?? 0) + 1);
    }
    for (const [status, count] of counts) {
        const entry = layout.legend.querySelector<HTMLElement>(`[data-legend="${status}"] .count`);
        if (entry) {
            entry.textContent = String(count);
        }
    }
    const offMap = (map as LaidOutMap & { offMap?: Array<{ id: string; kind: string; processes: string[] }> }).offMap ?? [];
    layout.offMap.replaceChildren();
    if (offMap.length > 0) {
        layout.offMap.append(span('Single points of failure not drawn: ', 'off-map-title'));
        // A long list would push the map out of sight: the first few, and how many more.
        const shown = offMap.slice(0, 5);
        shown.forEach((spof, index) => {
            const processes = spof.processes.length > 4
                ? `${spof.processes.slice(0, 4).join(', ')} and ${spof.processes.length - 4} more` : spof.processes.join(', ');
            const item = span(`${spof.id} (${spof.kind}, for ${processes})`, 'off-map-item');
            item.dataset.offMap = spof.id;
            layout.offMap.append(item, index < shown.length - 1 ? ', ' : '');
        });
        if (offMap.length > shown.length) {
            layout.offMap.append(span(` and ${offMap.length - shown.length} more`, 'off-map-more'));
        }
    }
}

function processList(processes: readonly ProcessEntry[]): HTMLElement {
    const list = document.createElement('ul');
    list.className = 'process-list';
    for (const process of processes) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.className = `process status-${process.status}`;
        button.dataset.process = process.name;
        button.dataset.status = process.status;
        button.append(span(STATUS_GLYPHS[process.status], 'glyph'), span(process.name, 'name'));
        if (process.title) {
            button.append(span(process.title, 'title'));
        }
        button.addEventListener('click', () => vscode.postMessage({ type: 'focus', process: process.name }));
        item.append(button);
        list.append(item);
    }
    if (processes.length === 0) {
        list.append(Object.assign(document.createElement('li'), { textContent: 'The workspace declares no process.' }));
    }
    return list;
}

function buildLayout() {
    const root = document.createElement('main');
    root.className = 'preview';
    root.dataset.state = 'loading';

    const toolbar = document.createElement('header');
    toolbar.className = 'toolbar';
    const scopes = document.createElement('div');
    scopes.className = 'scopes';
    scopes.setAttribute('role', 'group');
    scopes.setAttribute('aria-label', 'What the map shows');
    const scopeButtons = (['workspace', 'process'] as const).map(scope => {
        const button = document.createElement('button');
        button.dataset.scope = scope;
        button.textContent = scope === 'workspace' ? 'Workspace' : 'Process under cursor';
        button.setAttribute('aria-pressed', String(state.scope === scope));
        button.addEventListener('click', () => {
            if (current?.scope !== scope) {
                vscode.postMessage({ type: 'scope', scope });
            }
        });
        scopes.append(button);
        return button;
    });
    const status = span('Loading the dependency map…', 'status-line');
    const zoom = document.createElement('div');
    zoom.className = 'zoom';
    zoom.append(
        toolButton('−', 'Zoom out', () => panZoom.zoomBy(1 / 1.25)),
        toolButton('+', 'Zoom in', () => panZoom.zoomBy(1.25)),
        toolButton('Fit', 'Show the whole map', () => fitCurrent()),
    );
    toolbar.append(scopes, zoom);

    const legend = document.createElement('div');
    legend.className = 'legend';
    for (const mapStatus of MAP_STATUSES) {
        const entry = document.createElement('span');
        entry.className = `legend-entry status-${mapStatus}`;
        entry.dataset.legend = mapStatus;
        entry.append(span('', 'swatch'), span(STATUS_LABELS[mapStatus], 'label'), span('0', 'count'));
        legend.append(entry);
    }
    const offMap = document.createElement('div');
    offMap.className = 'off-map';

    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.classList.add('map');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Dependency map');
    svg.append(arrowDefinitions());
    const viewport = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    viewport.classList.add('viewport');
    svg.append(viewport);

    const notice = document.createElement('section');
    notice.className = 'notice';
    const tooltip = document.createElement('div');
    tooltip.className = 'tooltip';
    tooltip.setAttribute('role', 'tooltip');
    tooltip.hidden = true;

    // The status line has a row of its own: beside the buttons, a narrow panel cut the process's name off.
    root.append(toolbar, status, legend, offMap, svg, notice, tooltip);
    document.body.append(root);

    svg.addEventListener('click', event => {
        const target = elementAt(event.target);
        if (target && !panZoom.panned) {
            vscode.postMessage({ type: 'reveal', element: target });
        }
    });
    svg.addEventListener('keydown', event => {
        const target = elementAt(event.target);
        if (target && (event.key === 'Enter' || event.key === ' ')) {
            event.preventDefault();
            vscode.postMessage({ type: 'reveal', element: target });
        }
    });
    svg.addEventListener('pointerover', event => showTooltip(event));
    svg.addEventListener('pointermove', event => placeTooltip(event));
    svg.addEventListener('pointerout', event => {
        if (!elementAt(event.relatedTarget)) {
            tooltip.hidden = true;
        }
    });
    svg.addEventListener('focusin', event => showTooltip(event));
    svg.addEventListener('focusout', () => { tooltip.hidden = true; });
    document.addEventListener('keydown', event => {
        if (event.target instanceof HTMLButtonElement) {
            return;
        }
        if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
        else if (event.key === '-') panZoom.zoomBy(1 / 1.25);
        else if (event.key === '0') fitCurrent();
    });
    return { root, svg, viewport, notice, tooltip, legend, offMap, status, scopeButtons };
}

function fitCurrent(): void {
    if (current) {
        panZoom.fit(current.map.width, current.map.height);
    }
}

/** The element name of the node or site an event happened on. */
function elementAt(target: EventTarget | null): string | undefined {
    const found = target instanceof Element ? target.closest<HTMLElement | SVGElement>('[data-element]') : null;
    return found?.dataset.element;
}

function showTooltip(event: Event): void {
    const name = elementAt(event.target);
    const found = name && current ? findEntry(current.map, name) : undefined;
    if (!found) {
        return;
    }
    const tooltip = layout.tooltip;
    const heading = document.createElement('div');
    heading.className = 'tooltip-heading';
    heading.append(span(found.name, 'name'));
    if (found.title) {
        heading.append(span(` — ${found.title}`, 'title'));
    }
    const kind = document.createElement('div');
    kind.className = 'tooltip-kind';
    kind.textContent = `${found.kind}${found.subkind ? ` · ${found.subkind}` : ''} · ${STATUS_LABELS[found.status]}`;
    tooltip.replaceChildren(heading, kind);
    // A site on premises has the detail `on-premises`, already said by the line above.
    if (found.detail && found.detail !== found.subkind) {
        tooltip.append(Object.assign(document.createElement('div'), { className: 'tooltip-detail', textContent: found.detail }));
    }
    if (found.findings.length > 0) {
        tooltip.append(findingList(found.findings));
    } else {
        tooltip.append(Object.assign(document.createElement('div'), { className: 'tooltip-none', textContent: 'No findings.' }));
    }
    tooltip.hidden = false;
    placeTooltip(event);
}

function findingList(findings: readonly MapFinding[]): HTMLElement {
    const list = document.createElement('ul');
    list.className = 'findings';
    for (const finding of findings) {
        const item = document.createElement('li');
        item.className = `finding severity-${finding.severity}`;
        item.dataset.code = finding.code;
        item.append(span(finding.code, 'code'), span(finding.message, 'message'));
        list.append(item);
    }
    return list;
}

function placeTooltip(event: Event): void {
    const tooltip = layout.tooltip;
    if (tooltip.hidden) {
        return;
    }
    let x: number;
    let y: number;
    if (event instanceof MouseEvent) {
        x = event.clientX + 14;
        y = event.clientY + 14;
    } else {
        const box = (event.target as Element).getBoundingClientRect();
        x = box.left;
        y = box.bottom + 6;
    }
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    tooltip.style.left = `${Math.max(4, Math.min(x, window.innerWidth - width - 4))}px`;
    tooltip.style.top = `${Math.max(4, y + height > window.innerHeight ? y - height - 24 : y)}px`;
}

function findEntry(map: LaidOutMap, name: string) {
    const node = map.nodes.find(candidate => candidate.id === name);
    if (node) {
        return node;
    }
    const site = map.containers.find(candidate => candidate.id === name);
    return site ? { ...site, kind: 'site' as const } : undefined;
}

function saveState(change: Partial<PreviewState>): void {
    state = { ...state, ...change };
    vscode.setState(state);
}

function pick(saved: Partial<PreviewState>): Partial<PreviewState> {
    const result: Partial<PreviewState> = {};
    if (typeof saved.process === 'string') result.process = saved.process;
    if (typeof saved.uri === 'string') result.uri = saved.uri;
    if (saved.viewport && typeof saved.viewport.scale === 'number') result.viewport = saved.viewport;
    return result;
}

function toolButton(label: string, title: string, action: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.textContent = label;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.addEventListener('click', action);
    return button;
}

function span(content: string, className: string): HTMLSpanElement {
    const created = document.createElement('span');
    created.className = className;
    created.textContent = content;
    return created;
}

function paragraph(content: string): HTMLParagraphElement {
    const created = document.createElement('p');
    created.textContent = content;
    return created;
}
