import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** How each named element of a .drplan document shows in the outline, workspace symbols and completion. */
const kinds: Record<string, { symbol: SymbolKind; completion: CompletionItemKind; word: string }> = {
    Site: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Folder, word: 'site' },
    Person: { symbol: SymbolKind.Object, completion: CompletionItemKind.Value, word: 'person' },
    Role: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface, word: 'role' },
    Supplier: { symbol: SymbolKind.Package, completion: CompletionItemKind.Module, word: 'supplier' },
    Customer: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct, word: 'customer' },
    Workforce: { symbol: SymbolKind.Array, completion: CompletionItemKind.Unit, word: 'workforce' },
    Equipment: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant, word: 'equipment' },
    Data: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable, word: 'data' },
    Workload: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class, word: 'workload' },
    Process: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function, word: 'process' },
    RecoveryPlan: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module, word: 'recovery-plan' },
    Group: { symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum, word: 'group' },
    ManualAction: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method, word: 'manual action' },
    ScriptAction: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method, word: 'script action' },
    AutomationAction: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method, word: 'automation action' },
    Plan: { symbol: SymbolKind.File, completion: CompletionItemKind.File, word: 'plan' },
    Phase: { symbol: SymbolKind.Field, completion: CompletionItemKind.Field, word: 'phase' },
    Step: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event, word: 'step' },
};

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node ? node.type : node.$type;
}

/** The word a user writes for an element's kind (`workload`, `recovery-plan`, `manual action`). */
export function kindWord(node: AstNode | AstNodeDescription): string {
    return kinds[typeOf(node)]?.word ?? typeOf(node);
}

export class DrPlanNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return kinds[typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return kinds[typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }
}
