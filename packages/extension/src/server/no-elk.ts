/**
 * Stands in for elkjs in the language server's bundle (esbuild.mjs): the server lays maps out in
 * dist/layout-worker.cjs, which holds elkjs, so the server does not compile its 3.4 MB at every
 * start. Only a server started without the worker beside it gets here, and says so.
 */
class LayoutWorkerMissing {
    constructor() {
        throw new Error('The map layout runs in layout-worker.cjs, which is missing beside the language server');
    }
}

// The shape of `import('elkjs/lib/elk.bundled.js')`: a CommonJS module whose export is also its own `default`.
export default { default: LayoutWorkerMissing };
