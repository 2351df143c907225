package dev.moments.adapter.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExprVisitor;

/** Measures how deeply an expression nests comprehensions (the macros {@code all}, {@code exists}, {@code map}, …). */
final class ComprehensionNesting extends CelExprVisitor {

    private int depth;
    private int deepest;

    private ComprehensionNesting() {
    }

    /** The deepest nesting of comprehensions in the checked expression; 0 when it has none. */
    static int of(CelAbstractSyntaxTree ast) {
        ComprehensionNesting nesting = new ComprehensionNesting();
        nesting.visit(ast);
        return nesting.deepest;
    }

    @Override
    protected void visit(CelExpr expr, CelExpr.CelComprehension comprehension) {
        depth++;
        deepest = Math.max(deepest, depth);
        super.visit(expr, comprehension);
        depth--;
    }
}
