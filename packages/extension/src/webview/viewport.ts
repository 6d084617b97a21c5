/** Zoom and pan of the map: one transform on a <g>, kept across updates of the map. */
export interface Viewport {
    x: number;
    y: number;
    scale: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;

export class PanZoom {
    private viewport: Viewport = { x: 0, y: 0, scale: 1 };
    private drag?: { pointerId: number; startX: number; startY: number; x: number; y: number; moved: boolean };
    private lastPointerWasDrag = false;

    constructor(
        private readonly svg: SVGSVGElement,
        private readonly content: SVGGElement,
        private readonly onChange: (viewport: Viewport) => void,
        private readonly onRelease: () => void = () => undefined,
    ) {
        svg.addEventListener('wheel', event => {
            event.preventDefault();
            // Pinch gestures arrive as wheel events with ctrlKey; both zoom around the pointer.
            const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
            this.zoomAt(event.offsetX, event.offsetY, factor);
        }, { passive: false });
        const end = (event: PointerEvent) => {
            if (this.drag?.pointerId === event.pointerId) {
                if (this.drag.moved) {
                    if (svg.hasPointerCapture(event.pointerId)) {
                        svg.releasePointerCapture(event.pointerId);
                    }
                    svg.classList.remove('panning');
                    this.lastPointerWasDrag = true;
                }
                this.drag = undefined;
                this.onRelease();
            }
        };
        svg.addEventListener('pointerdown', event => {
            if (event.button !== 0) {
                return;
            }
            this.lastPointerWasDrag = false;
            this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY,
                x: this.viewport.x, y: this.viewport.y, moved: false };
        });
        svg.addEventListener('pointermove', event => {
            const drag = this.drag;
            if (!drag || drag.pointerId !== event.pointerId) {
                return;
            }
            if ((event.buttons & 1) === 0) {
                // Released outside the webview: its pointerup never came here, so the map would follow the bare pointer.
                end(event);
                return;
            }
            const dx = event.clientX - drag.startX;
            const dy = event.clientY - drag.startY;
            if (!drag.moved && Math.hypot(dx, dy) < 4) {
                return;
            }
            if (!drag.moved) {
                drag.moved = true;
                svg.setPointerCapture(event.pointerId);
                svg.classList.add('panning');
            }
            this.set({ ...this.viewport, x: drag.x + dx, y: drag.y + dy });
        });
        svg.addEventListener('pointerup', end);
        svg.addEventListener('pointercancel', end);
    }

    /** A button is down on the map: a click or a pan is under way. */
    get pressed(): boolean {
        return this.drag !== undefined;
    }

    /** The click that follows a pan is not a click on the node the pan started on. */
    get panned(): boolean {
        return this.lastPointerWasDrag;
    }

    get current(): Viewport {
        return { ...this.viewport };
    }

    set(viewport: Viewport): void {
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, viewport.scale));
        this.viewport = { x: viewport.x, y: viewport.y, scale };
        this.content.setAttribute('transform', `translate(${round(this.viewport.x)} ${round(this.viewport.y)}) scale(${round(scale, 4)})`);
        this.onChange(this.current);
    }

    zoomAt(px: number, py: number, factor: number): void {
        const { x, y, scale } = this.viewport;
        const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
        // Keep the map point under the pointer where it is.
        this.set({ x: px - (px - x) * (next / scale), y: py - (py - y) * (next / scale), scale: next });
    }

    /**
     * Zooms around the middle of the part of the map in view: the panel's middle is often empty (a
     * wide map fitted from the top), and zooming there would push the whole map out of sight.
     */
    zoomBy(factor: number): void {
        const box = this.svg.getBoundingClientRect();
        const drawn = this.content.getBoundingClientRect();
        const left = Math.max(box.left, drawn.left);
        const right = Math.min(box.right, drawn.right);
        const top = Math.max(box.top, drawn.top);
        const bottom = Math.min(box.bottom, drawn.bottom);
        if (right > left && bottom > top) {
            this.zoomAt((left + right) / 2 - box.left, (top + bottom) / 2 - box.top, factor);
        } else {
            this.zoomAt(box.width / 2, box.height / 2, factor);
        }
    }

    /** Shows the whole map (width × height in map units) from the top, centred across, never enlarged beyond 100 %. */
    fit(width: number, height: number): void {
        const box = this.svg.getBoundingClientRect();
        const margin = 16;
        if (box.width <= 0 || box.height <= 0 || width <= 0 || height <= 0) {
            this.set({ x: margin, y: margin, scale: 1 });
            return;
        }
        const scale = Math.min(1, (box.width - 2 * margin) / width, (box.height - 2 * margin) / height);
        this.set({ x: (box.width - width * scale) / 2, y: margin, scale });
    }
}

function round(value: number, digits = 2): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
