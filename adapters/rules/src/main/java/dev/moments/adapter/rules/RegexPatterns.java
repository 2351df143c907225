package dev.moments.adapter.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExprVisitor;
import dev.moments.application.port.InvalidExpressionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The rules for {@code matches} in a condition. RE2 (RE2J here) runs in linear time, but the size of a compiled
 * pattern grows with the product of nested counted repetitions: {@code ((a{100}){100}){100}} is 31 characters and a
 * program of a million instructions, compiled again at each evaluation. So the pattern must be a string literal, at
 * most {@value #MAX_LENGTH} characters, and its expanded size — every counted repetition multiplying what it repeats
 * — at most {@value #MAX_WEIGHT}; it is compiled once here to refuse a malformed one when the moment is defined.
 */
final class RegexPatterns {

    /** The longest pattern accepted. */
    static final int MAX_LENGTH = 256;

    /** The largest expanded size of a pattern (an upper bound of its compiled program's size). */
    static final long MAX_WEIGHT = 5_000;

    private RegexPatterns() {
    }

    /** Refuses any {@code matches} of the expression whose pattern is not an acceptable literal. */
    static void check(CelAbstractSyntaxTree ast) {
        new CelExprVisitor() {
            @Override
            protected void visit(CelExpr expr, CelExpr.CelCall call) {
                if (call.function().equals("matches")) {
                    List<CelExpr> args = call.args();
                    CelExpr pattern = args.isEmpty() ? null : args.get(args.size() - 1);
                    if (pattern == null || pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                            || pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                        throw new InvalidExpressionException("matches takes its pattern as a string literal, such as"
                                + " matches('^PRO-[0-9]+$')", -1);
                    }
                    checkPattern(pattern.constant().stringValue());
                }
                super.visit(expr, call);
            }
        }.visit(ast);
    }

    static void checkPattern(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidExpressionException("a matches pattern has at most " + MAX_LENGTH + " characters", -1);
        }
        long weight = weight(pattern);
        if (weight > MAX_WEIGHT) {
            throw new InvalidExpressionException("the matches pattern expands to about " + weight + " steps (its"
                    + " counted repetitions multiply what they repeat); at most " + MAX_WEIGHT + " are allowed", -1);
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidExpressionException("the matches pattern is not a valid RE2 expression: "
                    + e.getMessage(), -1);
        }
    }

    /**
     * An upper bound of the pattern's expanded size: each literal, escape or character class counts 1, a group the
     * sum of its parts (alternatives added up), and a counted repetition {@code {n}}, {@code {n,}} or {@code {n,m}}
     * multiplies what it repeats by its largest count; {@code *}, {@code +} and {@code ?} loop without copying.
     */
    static long weight(String pattern) {
        Deque<long[]> groups = new ArrayDeque<>(); // per open group: {sum of its parts, weight of its last part}
        groups.push(new long[] {0, 0});
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            long[] group = groups.peek();
            switch (c) {
                case '\\' -> {
                    int end = escapeEnd(pattern, i);
                    boolean quoted = i + 1 < pattern.length() && pattern.charAt(i + 1) == 'Q';
                    part(group, quoted ? Math.max(1, quotedLength(pattern, i, end)) : 1);
                    i = end;
                    continue;
                }
                case '[' -> {
                    i = classEnd(pattern, i);
                    part(group, 1);
                    continue;
                }
                case '(' -> groups.push(new long[] {0, 0});
                case ')' -> {
                    if (groups.size() > 1) {
                        long inner = groups.pop()[0] + 1;
                        part(groups.peek(), inner);
                    }
                }
                case '|' -> group[1] = 0;
                case '{' -> {
                    int end = pattern.indexOf('}', i);
                    long count = end < 0 ? -1 : count(pattern.substring(i + 1, end));
                    if (count >= 0) {
                        group[0] += group[1] * Math.max(0, count - 1);
                        group[1] *= Math.max(1, count);
                        i = end + 1;
                        continue;
                    }
                    part(group, 1); // a literal brace
                }
                case '*', '+', '?' -> {
                    // a loop, or a lazy marker: the program holds what it repeats once
                }
                default -> part(group, 1);
            }
            i++;
        }
        long total = 0;
        while (!groups.isEmpty()) {
            total += groups.pop()[0];
        }
        return total;
    }

    private static void part(long[] group, long weight) {
        group[0] += weight;
        group[1] = weight;
    }

    /** The largest count of a repetition's body ({@code n}, {@code n,} or {@code n,m}), or -1 if it is none. */
    private static long count(String body) {
        if (!body.matches("\\d{1,4}(,\\d{0,4})?")) {
            return -1;
        }
        String[] counts = body.split(",", -1);
        long low = Long.parseLong(counts[0]);
        return counts.length > 1 && !counts[1].isEmpty() ? Math.max(low, Long.parseLong(counts[1])) : low;
    }

    /** Where an escape starting at {@code i} ends: after {@code \pX}, {@code \p{Name}}, {@code \Q…\E} or one char. */
    private static int escapeEnd(String pattern, int i) {
        if (i + 1 >= pattern.length()) {
            return pattern.length();
        }
        char next = pattern.charAt(i + 1);
        if ((next == 'p' || next == 'P') && i + 2 < pattern.length() && pattern.charAt(i + 2) == '{') {
            int end = pattern.indexOf('}', i + 2);
            return end < 0 ? pattern.length() : end + 1;
        }
        if (next == 'Q') {
            int end = pattern.indexOf("\\E", i + 2);
            return end < 0 ? pattern.length() : end + 2;
        }
        return i + 2;
    }

    /** How many characters the quote {@code \Q…\E} from {@code i} to {@code end} holds (to the end if unclosed). */
    private static int quotedLength(String pattern, int i, int end) {
        // an unclosed quote cannot end in \E: that \E would have closed it
        boolean closed = pattern.startsWith("\\E", end - 2);
        return (closed ? end - 2 : end) - (i + 2);
    }

    /** Where a character class starting at {@code i} ends (a leading {@code ]} or {@code ^]} is literal). */
    private static int classEnd(String pattern, int i) {
        int j = i + 1;
        if (j < pattern.length() && pattern.charAt(j) == '^') {
            j++;
        }
        if (j < pattern.length() && pattern.charAt(j) == ']') {
            j++;
        }
        while (j < pattern.length() && pattern.charAt(j) != ']') {
            j += pattern.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(pattern.length(), j + 1);
    }
}
