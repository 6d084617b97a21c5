// Node 20 lacks Object.groupBy (Node 21+), which chevrotain 13 calls while it checks a grammar.
// Only langium-cli needs this: our own parser is generated in production mode, which skips
// those checks. Loaded with `node --import` by the `generate` script.
if (typeof Object.groupBy !== 'function') {
    Object.groupBy = (items, keyOf) => {
        const groups = Object.create(null);
        let index = 0;
        for (const item of items) {
            const key = keyOf(item, index++);
            (groups[key] ??= []).push(item);
        }
        return groups;
    };
}
