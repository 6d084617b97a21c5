import { createDrPlanServices, type DrPlanDocumentFactory, MAX_FILE_SIZE } from '@drplan/language';
import { type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CliError, fileErrorReason } from './cli-error.js';

export type DrPlanLanguage = ReturnType<typeof createDrPlanServices>;

/** The files of one run, built together as one Langium workspace, exactly as the editor sees them. */
export interface DrPlanWorkspace {
    services: DrPlanLanguage;
    /** Absolute paths, sorted; `documents[i]` is `files[i]`. */
    files: string[];
    documents: LangiumDocument[];
}

const extension = '.drplan';

/**
 * The `.drplan` files in `paths` (files, or folders searched recursively without `node_modules` and
 * dot-folders; default the current folder), absolute, sorted and each file once: a file reached
 * through symbolic links too is read under its own path (or the first link, if it is reached only
 * through links), so that it does not clash with itself in `duplicate-name` errors.
 */
export async function findDrPlanFiles(paths: readonly string[], cwd: string): Promise<string[]> {
    const given = paths.length > 0 ? paths : ['.'];
    const found = new Set<string>();
    for (const name of given) {
        const absolute = path.resolve(cwd, name);
        const stats = await statOrFail(absolute, name);
        if (stats.isDirectory()) {
            for (const file of await filesUnder(absolute, name)) {
                found.add(file);
            }
        } else if (!absolute.endsWith(extension)) {
            throw new CliError(`${name} is not a ${extension} file`);
        } else if (!stats.isFile()) {
            // A pipe would wait for a writer for ever, a device never end (a folder search skips both).
            throw new CliError(`cannot read ${name}: not a file (a pipe, socket or device)`);
        } else {
            found.add(absolute);
        }
    }
    if (found.size === 0) {
        throw new CliError(`no ${extension} files found in ${given.join(', ')}`);
    }
    return onePathPerFile([...found].sort());
}

/** `files` (sorted) less the paths of a file already listed, preferring a path that is not a link. */
async function onePathPerFile(files: readonly string[]): Promise<string[]> {
    const reals = await Promise.all(files.map(file => realpath(file).catch(() => file)));
    const byFile = new Map<string, string>();
    for (const [index, file] of files.entries()) {
        const real = reals[index];
        const listed = byFile.get(real);
        if (listed === undefined || await isSymbolicLink(listed) && !await isSymbolicLink(file)) {
            byFile.set(real, file);
        }
    }
    return [...byFile.values()].sort();
}

/** Walks with an explicit stack: a deep folder tree must not overflow the call stack. */
async function filesUnder(root: string, shownAs: string): Promise<string[]> {
    const files: string[] = [];
    const folders = [root];
    const shown = (under: string) => under === root ? shownAs : path.join(shownAs, path.relative(root, under));
    while (folders.length > 0) {
        const folder = folders.pop()!;
        let entries: Dirent[];
        try {
            entries = await readdir(folder, { withFileTypes: true });
        } catch (error) {
            throw new CliError(`cannot read folder ${shown(folder)}: ${fileErrorReason(error)}`);
        }
        for (const entry of entries) {
            const entryPath = path.join(folder, entry.name);
            // Symbolic links to folders are not followed, so that a link cycle cannot loop forever.
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
                    folders.push(entryPath);
                }
            } else if (entry.name.endsWith(extension)) {
                // A `.drplan` link that leads nowhere is an error, not a file quietly left out: the plan it
                // belongs to would be checked, or compiled into a runbook, without a part its author put there.
                if (entry.isFile() || entry.isSymbolicLink() && (await statOrFail(entryPath, shown(entryPath))).isFile()) {
                    files.push(entryPath);
                }
            }
        }
    }
    return files;
}

/**
 * What `file` (shown as `shownAs`) is, through any links; a one-line error when it cannot be read,
 * naming the missing target when it is a symbolic link that leads nowhere.
 */
async function statOrFail(file: string, shownAs: string): Promise<Stats> {
    try {
        return await stat(file);
    } catch (error) {
        let reason = fileErrorReason(error);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && await isSymbolicLink(file)) {
            const target = await readlink(file).catch(() => undefined);
            reason = target === undefined ? 'a symbolic link to a file that does not exist'
                : `a symbolic link to ${target}, which does not exist`;
        }
        throw new CliError(`cannot read ${shownAs}: ${reason}`);
    }
}

/** Whether `file` is itself a symbolic link (false when it is gone: reading reports that). */
async function isSymbolicLink(file: string): Promise<boolean> {
    return (await lstat(file).catch(() => undefined))?.isSymbolicLink() === true;
}

/**
 * Reads `files` and builds them into one workspace with validation, so that every document carries its
 * diagnostics. `asOf` is the evaluation date of the analysis (tests older than test-validity, …).
 */
export async function loadWorkspace(files: readonly string[], asOf: Date, cwd: string): Promise<DrPlanWorkspace> {
    const cannotRead = (file: string) => (error: unknown) => {
        throw new CliError(`cannot read ${path.relative(cwd, file) || file}: ${fileErrorReason(error)}`);
    };
    // A file over the size limit is skipped unread (with a diagnostic), however large it is.
    const contents = await Promise.all(files.map(async (file) => {
        const { size } = await stat(file).catch(cannotRead(file));
        return size > MAX_FILE_SIZE ? size : readFile(file).catch(cannotRead(file));
    }));
    // One build, never edited, and no one asks who refers to what: no index of references.
    const services = createDrPlanServices({ ...NodeFileSystem }, { referenceIndex: false });
    services.DrPlan.analysis.WorkspaceAnalysis.setAsOf(asOf);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const factory = LangiumDocumentFactory as DrPlanDocumentFactory;
    const documents = files.map((file, index) => {
        const content = contents[index];
        return typeof content === 'number' ? factory.fromOversizedFile(URI.file(file), content)
            : factory.fromBytes(content, URI.file(file));
    });
    for (const document of documents) {
        LangiumDocuments.addDocument(document);
    }
    await DocumentBuilder.build(documents, { validation: true });
    return { services, files: [...files], documents };
}
