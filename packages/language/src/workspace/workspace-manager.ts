import { DefaultWorkspaceManager, type FileSystemNode, UriUtils } from 'langium';

/**
 * The files of a workspace are the ones `drplan check` reads (CLI.md): every `.drplan` below the
 * folders, skipping `node_modules` and dot-folders. (Langium also skips `out/`, which would make the
 * editor and the CLI disagree about a plan kept in a folder of that name.) Unlike the CLI, which reads
 * what its user names, the server also skips dot-files and, through Langium's file system, anything
 * behind a symbolic link: an untrusted workspace cannot make it read outside (docs/security.md).
 */
export class DrPlanWorkspaceManager extends DefaultWorkspaceManager {
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        if (name.startsWith('.')) {
            return false;
        }
        if (entry.isDirectory) {
            return name !== 'node_modules';
        }
        return entry.isFile && this.serviceRegistry.hasServices(entry.uri);
    }
}
