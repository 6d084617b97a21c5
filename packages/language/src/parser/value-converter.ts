import { type CstNode, DefaultValueConverter, type GrammarAST, type ValueType } from 'langium';
import { parseIsoDate } from '../analysis/date.js';
import { parseDuration } from '../analysis/duration.js';

/** Converts durations to seconds, dates to UTC Dates and percentages to numbers while parsing. */
export class DrPlanValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            // The data type rules, not their terminals: Langium converts both, terminal first.
            case 'Duration':
                return parseDuration(input);
            case 'IsoDate':
                return parseIsoDate(input);
            case 'Percentage':
                return Number(input.slice(0, -1));
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}
