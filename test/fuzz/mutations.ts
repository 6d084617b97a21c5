import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Mutations of the example plans: what a user's typing, a bad merge, a truncated download or a
 * hostile file does to a valid plan. Tokens are deleted, duplicated, swapped or replaced; the text is
 * truncated (even inside a surrogate pair); stray braces, NUL, bidi controls and emoji are inserted;
 * values become absurd (`99999999999999999999h`, `2026-13-45`, `101%`); thousands of braces are nested.
 */
export interface ExampleFile {
    /** `contoso-retail/workloads.drplan`. */
    name: string;
    text: string;
}

const examplesFolder = fileURLToPath(new URL('../../examples/', import.meta.url));

export const exampleFiles: ExampleFile[] = readdirSync(examplesFolder, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .flatMap(folder => readdirSync(join(examplesFolder, folder.name))
        .filter(file => file.endsWith('.drplan'))
        .sort()
        .map(file => ({ name: `${folder.name}/${file}`, text: readFileSync(join(examplesFolder, folder.name, file), 'utf8') })));

/** The example workspaces, each as its files (`name` → text). */
export const exampleWorkspaces: Array<Record<string, string>> = [...new Set(exampleFiles.map(file => file.name.split('/')[0]))]
    .map(folder => Object.fromEntries(exampleFiles.filter(file => file.name.startsWith(`${folder}/`))
        .map(file => [file.name.split('/')[1], file.text])));

/** Strings, comments, whitespace, words (with `-` and `%`, as keywords and values have them), single characters. */
const TOKEN = /"(?:\\.|[^"\\\r\n])*"|\/\/[^\r\n]*|\/\*[\s\S]*?\*\/|\s+|[A-Za-z0-9_%-]+|[\s\S]/gu;

export function tokenize(text: string): string[] {
    return text.match(TOKEN) ?? [];
}

/** Characters that break naive text handling: NUL, bidi controls, BOM, separators, emoji, a lone surrogate. */
export const hostileCharacters = [
    '\u0000', '\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\uFEFF',
    '\u200B', '\u200D', '\u2028', '\u2029', '\u00A0', '\u3000', '\r', '\f', '\v', '\u0085', '😀', '👩‍👩‍👧', '🏳️‍🌈',
    '\uD800', '\uDFFF', '\\', '"', '`', '<', '&', 'İ', 'ß', 'ǅ', 'Ω',
];

/** Values the analysis must survive: durations past any clock, impossible dates, numbers past 2^53. */
export const absurdValues = [
    '99999999999999999999h', '999999999999999999999999999999w', '18446744073709551616s', '9007199254740993s',
    '5201w', '36501d', '876001h', '0s', '0h0m', '00000000000000000000001s', '1h1h1h', '2026-13-45', '0000-00-00',
    '9999-99-99', '2026-02-30', '2024-02-29', '1900-02-29', '2026-00-10', '0%', '101%', '99999999999999999999%',
    '99999999999999999999999', '0', '-1', '1e309', 'NaN', 'Infinity', '__proto__', 'constructor', 'toString',
    'hasOwnProperty', '$type', '$container',
];

type Mutation = (tokens: string[], g: fc.GeneratorValue) => string[];

const at = (tokens: string[], g: fc.GeneratorValue) => g(fc.integer, { min: 0, max: Math.max(0, tokens.length - 1) });
const insertAt = (tokens: string[], g: fc.GeneratorValue, inserted: string) => {
    const index = g(fc.integer, { min: 0, max: tokens.length });
    return [...tokens.slice(0, index), inserted, ...tokens.slice(index)];
};

const mutations: Record<string, Mutation> = {
    deleteToken: (tokens, g) => {
        const index = at(tokens, g);
        return tokens.filter((_, other) => other !== index);
    },
    deleteRun: (tokens, g) => {
        const start = at(tokens, g);
        return [...tokens.slice(0, start), ...tokens.slice(start + g(fc.integer, { min: 1, max: 30 }))];
    },
    duplicateToken: (tokens, g) => {
        const index = at(tokens, g);
        return [...tokens.slice(0, index + 1), ...tokens.slice(index)];
    },
    duplicateRun: (tokens, g) => {
        const start = at(tokens, g);
        const end = start + g(fc.integer, { min: 1, max: 80 });
        return [...tokens.slice(0, end), ...tokens.slice(start, end), ...tokens.slice(end)];
    },
    swapTokens: (tokens, g) => {
        const result = [...tokens];
        const a = at(tokens, g);
        const b = at(tokens, g);
        [result[a], result[b]] = [result[b], result[a]];
        return result;
    },
    replaceToken: (tokens, g) => {
        const result = [...tokens];
        result[at(tokens, g)] = tokens[at(tokens, g)] ?? '';
        return result;
    },
    truncate: (tokens, g) => {
        const text = tokens.join('');
        // A UTF-16 cut: it may split a surrogate pair, as a truncated download does.
        return [text.slice(0, g(fc.integer, { min: 0, max: text.length }))];
    },
    cutInsideToken: (tokens, g) => {
        const result = [...tokens];
        const index = at(tokens, g);
        const token = result[index] ?? '';
        result[index] = token.slice(0, g(fc.integer, { min: 0, max: token.length }));
        return result;
    },
    strayBrace: (tokens, g) => insertAt(tokens, g, g(fc.constantFrom, '{', '}', '{ }', '}}', '{{', ',', ':', '"', '/*', '//')),
    hostileCharacter: (tokens, g) => insertAt(tokens, g, g(fc.constantFrom, ...hostileCharacters)),
    hostileInsideToken: (tokens, g) => {
        const result = [...tokens];
        const index = at(tokens, g);
        const token = result[index] ?? '';
        const cut = g(fc.integer, { min: 0, max: token.length });
        result[index] = token.slice(0, cut) + g(fc.constantFrom, ...hostileCharacters) + token.slice(cut);
        return result;
    },
    absurdValue: (tokens, g) => {
        const values = tokens.map((token, index) => [token, index] as const).filter(([token]) => /^[0-9]/.test(token));
        const result = [...tokens];
        const index = values.length > 0 ? g(fc.constantFrom, ...values)[1] : at(tokens, g);
        result[index] = g(fc.constantFrom, ...absurdValues);
        return result;
    },
    nestedBraces: (tokens, g) => {
        const depth = g(fc.integer, { min: 100, max: 5000 });
        const closed = g(fc.boolean);
        return insertAt(tokens, g, '{'.repeat(depth) + (closed ? '}'.repeat(depth) : ''));
    },
    longToken: (tokens, g) => insertAt(tokens, g, g(fc.constantFrom, 'A', '"x', '// ', '1', '/*').repeat(g(fc.integer, { min: 500, max: 4000 }))),
    swapLines: (tokens, g) => {
        const lines = tokens.join('').split('\n');
        const a = g(fc.integer, { min: 0, max: lines.length - 1 });
        const b = g(fc.integer, { min: 0, max: lines.length - 1 });
        [lines[a], lines[b]] = [lines[b], lines[a]];
        return [lines.join('\n')];
    },
    lineEndings: (tokens, g) => [tokens.join('').replace(/\n/g, g(fc.constantFrom, '\r\n', '\r', '\u2028', '\n\n'))],
};

export const mutationNames = Object.keys(mutations);

export interface MutatedText {
    text: string;
    /** What was done, in order, so a failure says how the input came about. */
    applied: string[];
}

/** Applies one to `max` random mutations to `text` (re-tokenizing after each). */
export function mutatedTextArbitrary(text: string, max = 4): fc.Arbitrary<MutatedText> {
    return fc.gen().map(g => {
        let current = text;
        const applied: string[] = [];
        const count = g(fc.integer, { min: 1, max });
        for (let index = 0; index < count; index++) {
            const name = g(fc.constantFrom, ...mutationNames);
            current = mutations[name](tokenize(current), g).join('');
            applied.push(name);
        }
        return { text: current, applied };
    });
}

/** One example file, mutated, alone in its workspace. */
export const mutatedExampleFileArbitrary = fc.constantFrom(...exampleFiles)
    .chain(file => mutatedTextArbitrary(file.text).map(mutated => ({ file: file.name, ...mutated })));

/** A whole example workspace with one of its files mutated. */
export const mutatedExampleWorkspaceArbitrary = fc.constantFrom(...exampleWorkspaces).chain(files => {
    const names = Object.keys(files);
    return fc.constantFrom(...names).chain(name => mutatedTextArbitrary(files[name]).map(mutated => ({
        files: { ...files, [name]: mutated.text }, file: name, applied: mutated.applied,
    })));
});
