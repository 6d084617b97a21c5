import * as vscode from 'vscode';

export type FailoverType = 'planned' | 'unplanned' | 'test';

export interface PreviewSettings {
    /** The failover the map and the loss simulation evaluate (`drplan.failoverType`). */
    failover: FailoverType;
    /** Larger maps collapse to a list of processes (`drplan.preview.maxNodes`). */
    maxNodes: number;
}

export function previewSettings(): PreviewSettings {
    const configuration = vscode.workspace.getConfiguration('drplan');
    const failover = configuration.get<string>('failoverType');
    const maxNodes = configuration.get<number>('preview.maxNodes');
    return {
        failover: failover === 'planned' || failover === 'test' ? failover : 'unplanned',
        maxNodes: typeof maxNodes === 'number' && Number.isFinite(maxNodes) && maxNodes >= 1 ? Math.floor(maxNodes) : 300,
    };
}
