package dev.moments.adapter.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.moments.application.port.InvalidExpressionException;
import dev.moments.application.port.out.ExpressionCompiler;
import dev.moments.domain.event.EventValue;
import dev.moments.domain.trigger.EventPredicate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles {@code where} conditions written in Google's Common Expression Language (CEL) into event predicates, and
 * value expressions (an event's revenue) into event values.
 */
public final class CelExpressionCompiler implements ExpressionCompiler {

    /** The longest expression accepted, in characters. */
    public static final int MAX_EXPRESSION_LENGTH = 1_000;

    /** The most iterations a single comprehension ({@code all}, {@code exists}, {@code map}, ...) may run. */
    public static final int MAX_COMPREHENSION_ITERATIONS = 10_000;

    /**
     * The deepest nesting of comprehensions ({@code all}, {@code exists}, {@code map}, …) accepted: two levels already
     * cost up to {@link #MAX_COMPREHENSION_ITERATIONS} squared steps, which the {@link EvaluationBudget} stops.
     */
    public static final int MAX_COMPREHENSION_NESTING = 2;

    /** The variable holding the event's properties plus {@code type} and {@code occurredAt}. */
    static final String EVENT = "event";

    /** The variable holding the user's attributes. */
    static final String USER = "user";

    /** Result types the checker may infer for an acceptable condition: bool, or something only known at runtime. */
    private static final Set<CelKind> BOOLEAN_LIKE = EnumSet.of(CelKind.BOOL, CelKind.DYN, CelKind.ANY);

    /** Result types the checker may infer for an acceptable value: a number, or something only known at runtime. */
    private static final Set<CelKind> NUMBER_LIKE = EnumSet.of(CelKind.INT, CelKind.UINT, CelKind.DOUBLE,
            CelKind.DYN, CelKind.ANY);

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    /** Builds the CEL environment (variables, options, compiler and runtime) once; reuse the instance. */
    public CelExpressionCompiler() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
                .maxRegexProgramSize((int) RegexPatterns.MAX_WEIGHT)
                .build();
        CelType stringToDyn = MapType.create(SimpleType.STRING, SimpleType.DYN);
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar(EVENT, stringToDyn)
                .addVar(USER, stringToDyn)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .build();
        // Fail fast, at startup, when the classpath is broken (e.g. a protobuf runtime older than CEL's gencode)
        // rather than at the first condition a partner writes.
        compile("true");
    }

    @Override
    public EventPredicate compile(String expression) {
        CelAbstractSyntaxTree ast = checked(expression, BOOLEAN_LIKE, "a boolean condition");
        return new CelEventPredicate(expression, program(ast));
    }

    @Override
    public EventValue compileValue(String expression) {
        return new CelEventValue(expression, program(checked(expression, NUMBER_LIKE, "a number")));
    }

    /** The checked syntax tree of an expression within every limit, whose result may be of one of {@code kinds}. */
    private CelAbstractSyntaxTree checked(String expression, Set<CelKind> kinds, String expected) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidExpressionException("The expression must not be empty", 0);
        }
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            throw new InvalidExpressionException(
                    "The expression is too long: at most " + MAX_EXPRESSION_LENGTH + " characters, got "
                            + expression.length(),
                    MAX_EXPRESSION_LENGTH);
        }
        CelAbstractSyntaxTree ast = check(expression);
        RegexPatterns.check(ast);
        int nesting = ComprehensionNesting.of(ast);
        if (nesting > MAX_COMPREHENSION_NESTING) {
            throw new InvalidExpressionException("The expression nests " + nesting + " comprehensions (all, exists,"
                    + " exists_one, map, filter); at most " + MAX_COMPREHENSION_NESTING + " are allowed", 0);
        }
        CelType resultType = ast.getResultType();
        if (!kinds.contains(resultType.kind())) {
            throw new InvalidExpressionException(
                    "The expression must be " + expected + ", but it evaluates to " + resultType.name(), 0);
        }
        return ast;
    }

    private CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return runtime.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new InvalidExpressionException("The expression cannot be planned: " + e.getMessage(), -1);
        }
    }

    private CelAbstractSyntaxTree check(String expression) {
        CelValidationResult result;
        try {
            result = compiler.compile(expression);
        } catch (RuntimeException e) {
            // Defensive: the parser and checker report problems as issues, but never let an internal failure
            // escape as anything else than a refusal of the expression.
            throw new InvalidExpressionException("The expression cannot be compiled: " + e.getMessage(), -1);
        }
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            throw new InvalidExpressionException(
                    first.getMessage(), position(expression, result.getSource(), first.getSourceLocation()));
        }
        try {
            return result.getAst();
        } catch (Exception e) {
            throw new InvalidExpressionException("The expression cannot be compiled: " + e.getMessage(), -1);
        }
    }

    /** The 0-based character (UTF-16) offset of a CEL source location, or -1 when unknown. */
    private static int position(String expression, CelSource source, CelSourceLocation location) {
        if (location == null || location.equals(CelSourceLocation.NONE) || location.getLine() < 1
                || location.getColumn() < 0) {
            return -1;
        }
        Optional<Integer> codePointOffset = source == null ? Optional.empty() : source.getLocationOffset(location);
        if (codePointOffset.isEmpty()) {
            return -1;
        }
        int offset = codePointOffset.get();
        if (offset < 0) {
            return -1;
        }
        // the end of the input is a position too (an expression cut short)
        return expression.offsetByCodePoints(0, Math.min(offset, expression.codePointCount(0, expression.length())));
    }
}
