import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { FUZZ_SEED } from '../fuzz/fuzz-settings.js';

// The VS Code extension: a webview under a strict Content-Security-Policy that builds its DOM without
// HTML strings, messages from it checked before use, no command URI from plan text, and an honest
// declaration of untrusted-workspace support (it runs nothing from the workspace). The webview's
// behaviour in a browser is tested in test/extension/webview.test.ts; these are the static guarantees.

vi.mock('vscode', () => ({
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) },
}));

const { previewHtml, previewOptions } = await import('../../packages/extension/src/preview/preview-html.js');
const { parsePreviewState, parseWebviewMessage } = await import('../../packages/extension/src/preview/messages.js');

const extension = fileURLToPath(new URL('../../packages/extension/', import.meta.url));
const language = fileURLToPath(new URL('../../packages/language/src/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));

function sources(folder: string): Array<{ file: string; text: string }> {
    const found: Array<{ file: string; text: string }> = [];
    const folders = [folder];
    while (folders.length > 0) {
        const current = folders.pop()!;
        for (const entry of readdirSync(current, { withFileTypes: true })) {
            const path = join(current, entry.name);
            if (entry.isDirectory()) {
                folders.push(path);
            } else if (/\.(ts|mjs|js)$/.test(entry.name)) {
                found.push({ file: path.slice(folder.length), text: readFileSync(path, 'utf8') });
            }
        }
    }
    return found;
}

/** Lines matching `pattern`, as `file: line`, comments left out. */
function matches(files: Array<{ file: string; text: string }>, pattern: RegExp): string[] {
    return files.flatMap(({ file, text }) => text.split('\n')
        .filter(line => !/^\s*(\/\/|\*|\/\*)/.test(line) && pattern.test(line))
        .map(line => `${file}: ${line.trim()}`));
}

const webview = {
    cspSource: 'https://*.vscode-cdn.net',
    asWebviewUri: (uri: { path: string }) => `https://file+.vscode-resource.vscode-cdn.net${uri.path}`,
};
const extensionUri = { path: '/home/user/.vscode/extensions/drplan' };

describe('the preview page', () => {
    const html = previewHtml(webview as never, extensionUri as never);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

    it("has a Content-Security-Policy of default-src 'none'", () => {
        expect(directives.get('default-src')).toEqual(["'none'"]);
    });

    it('runs only its own script, by nonce: no inline code, eval or remote source', () => {
        const scriptSources = directives.get('script-src') ?? [];
        expect(scriptSources).toHaveLength(1);
        expect(scriptSources[0]).toMatch(/^'nonce-[A-Za-z0-9+/=]{22,}'$/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*(?!\.vscode-cdn\.net)|https?:\/\/(?!\*\.vscode-cdn\.net)|data:[^;]*script/);
        const nonce = scriptSources[0].slice("'nonce-".length, -1);
        const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
        expect(scripts).toHaveLength(1);
        expect(scripts[0][1]).toContain(`nonce="${nonce}"`);
        expect(scripts[0][1]).toContain(`src="${webview.asWebviewUri({ path: `${extensionUri.path}/dist/webview.js` })}"`);
        expect(scripts[0][2].trim()).toBe('');
    });

    it('loads styles and images from the extension only; connects, frames and submits nowhere', () => {
        expect(directives.get('style-src')?.filter(source => !source.startsWith("'nonce-"))).toEqual([webview.cspSource]);
        expect(directives.get('img-src')).toEqual([webview.cspSource, 'data:']);
        for (const name of ['connect-src', 'frame-src', 'child-src', 'form-action', 'font-src', 'media-src', 'object-src']) {
            expect(directives.get(name), `${name} falls back to default-src 'none'`).toBeUndefined();
        }
    });

    it('has a fresh nonce every time it is built', () => {
        const nonces = new Set(Array.from({ length: 20 }, () =>
            /'nonce-([^']+)'/.exec(previewHtml(webview as never, extensionUri as never))![1]));
        expect(nonces.size).toBe(20);
    });

    it('webview options: scripts on, command URIs off, resources from dist/ only', () => {
        const options = previewOptions(extensionUri as never) as Record<string, unknown>;
        expect(options.enableScripts).toBe(true);
        expect(options.enableCommandUris).not.toBe(true);
        expect(options.enableForms).not.toBe(true);
        expect(options.localResourceRoots).toEqual([{ path: `${extensionUri.path}/dist` }]);
    });
});

describe('the webview code', () => {
    const webviewSources = sources(join(extension, 'src', 'webview'));
    const bundle = join(extension, 'dist', 'webview.js');

    it('builds its DOM without HTML strings: no innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc', () => {
        expect(webviewSources.length).toBeGreaterThan(0);
        expect(matches(webviewSources, /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|DOMParser/)).toEqual([]);
        if (existsSync(bundle)) {
            expect(readFileSync(bundle, 'utf8')).not.toMatch(/\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write\(/);
        }
    });

    it('evaluates no code from strings: no eval, Function, string timers, or javascript: URLs', () => {
        expect(matches(webviewSources, /\beval\s*\(|new Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]|javascript:/)).toEqual([]);
    });

    it('sets no link or resource address from map data (href, src, xlink:href)', () => {
        expect(matches(webviewSources, /setAttribute(NS)?\([^)]*['"](xlink:)?(href|src|action)['"]|\.(href|src|action)\s*=/)).toEqual([]);
    });
});

describe('messages from the webview', () => {
    const allowed = new Set(['ready', 'refresh', 'reveal', 'scope', 'focus']);
    const name = /^[_a-zA-Z]\w{0,199}$/;
    const crafted = fc.oneof(
        fc.anything(),
        fc.record({ type: fc.constantFrom(...allowed, 'open', '__proto__', 'constructor'), element: fc.anything(),
            process: fc.anything(), scope: fc.anything(), uri: fc.string(), location: fc.anything() }, { requiredKeys: ['type'] }),
        fc.record({ type: fc.constantFrom('reveal', 'focus'), element: fc.constantFrom('../x', 'a b', 'command:x', '', 'A'.repeat(201), 'Orders'),
            process: fc.constantFrom('../x', 'a b', 'Orders', '__proto__') }),
    );

    it('are accepted only in the shapes the panel expects, names as the grammar writes them, nothing else kept', () => {
        fc.assert(fc.property(crafted, (message) => {
            const parsed = parseWebviewMessage(message);
            if (parsed === undefined) {
                return;
            }
            expect(allowed.has(parsed.type)).toBe(true);
            switch (parsed.type) {
                case 'reveal':
                    expect(Object.keys(parsed).sort()).toEqual(['element', 'type']);
                    expect(parsed.element).toMatch(name);
                    break;
                case 'focus':
                    expect(Object.keys(parsed).sort()).toEqual(['process', 'type']);
                    expect(parsed.process).toMatch(name);
                    break;
                case 'scope':
                    expect(['workspace', 'process']).toContain(parsed.scope);
                    expect(Object.keys(parsed).sort()).toEqual(['scope', 'type']);
                    break;
                default:
                    expect(Object.keys(parsed)).toEqual(['type']);
            }
        }), { seed: FUZZ_SEED, numRuns: 2000 });
    });

    it('restored state keeps only a known scope, a valid name and a finite viewport', () => {
        fc.assert(fc.property(fc.oneof(fc.anything(), fc.record({ scope: fc.anything(), process: fc.anything(), uri: fc.anything(),
            viewport: fc.oneof(fc.anything(), fc.record({ x: fc.double(), y: fc.double(), scale: fc.double() })) })), (state) => {
            const parsed = parsePreviewState(state);
            expect(['workspace', 'process']).toContain(parsed.scope);
            if (parsed.process !== undefined) expect(parsed.process).toMatch(name);
            if (parsed.uri !== undefined) expect(typeof parsed.uri).toBe('string');
            if (parsed.viewport) {
                expect([parsed.viewport.x, parsed.viewport.y, parsed.viewport.scale].every(Number.isFinite)).toBe(true);
                expect(parsed.viewport.scale).toBeGreaterThan(0);
            }
        }), { seed: FUZZ_SEED, numRuns: 1000 });
    });

    it('every message the panel receives goes through parseWebviewMessage, and reveal opens only what the server mapped', () => {
        const panel = readFileSync(join(extension, 'src', 'preview', 'dependency-map-preview.ts'), 'utf8');
        const receivers = [...panel.matchAll(/onDidReceiveMessage\(\s*(\w+)\s*=>\s*([^)]*\))/g)];
        expect(receivers.map(receiver => receiver[2])).toEqual(['this.receive(message)']);
        expect(panel).toMatch(/private receive\(raw: unknown\): void \{\s*const message = parseWebviewMessage\(raw\);/);
        // The location comes from the panel's own copy of the server's map, looked up by name.
        expect(panel).toMatch(/const location = this\.locationOf\(element\)/);
    });
});

describe('no command URI from plan text', () => {
    const extensionSources = sources(join(extension, 'src'));
    const languageSources = sources(language);

    it('neither the extension nor the language server builds command: links, or trusts Markdown or HTML it shows', () => {
        expect(matches([...extensionSources, ...languageSources], /['"`]command:|isTrusted|supportHtml|enableCommandUris\s*:\s*true/)).toEqual([]);
    });

    it('code lenses and quick fixes name no command, so no plan text can choose one', () => {
        expect(matches(languageSources.filter(source => /code-lens|code-actions/.test(source.file)), /command:\s*['"`][^'"`]/)).toEqual([]);
    });
});

describe('untrusted workspaces', () => {
    const extensionSources = sources(join(extension, 'src'));
    const languageSources = sources(language);

    it('the extension declares full support, which is honest: nothing from the workspace is executed', () => {
        expect(manifest.capabilities.untrustedWorkspaces).toEqual({ supported: true });
        expect(matches([...extensionSources, ...languageSources],
            /child_process|createTerminal|executeTask|(?<![.\w])(exec|execSync|execFile|spawn|fork)\(|new Function|\beval\(|\bimport\(\s*[^'"`]|require\(\s*[^'"`]/)).toEqual([]);
    });

    it('no setting names a program, a path or a URL that untrusted workspace settings could redirect', () => {
        for (const [key, property] of Object.entries<Record<string, unknown>>(manifest.contributes.configuration.properties)) {
            const constrained = property.type === 'integer' || property.type === 'boolean' || Array.isArray(property.enum)
                || typeof property.pattern === 'string';
            expect(constrained, `${key} is constrained by type, enum or pattern`).toBe(true);
            expect(key).not.toMatch(/path|command|program|executable|url|server/i);
        }
    });

    it('the server runs from the extension, never from a path in the workspace or a setting', () => {
        const client = readFileSync(join(extension, 'src', 'language-client.ts'), 'utf8');
        expect(client).toMatch(/const serverModule = vscode\.Uri\.joinPath\(context\.extensionUri, 'dist', 'server\.cjs'\)\.fsPath;/);
        expect(client).not.toMatch(/getConfiguration/);
    });
});
