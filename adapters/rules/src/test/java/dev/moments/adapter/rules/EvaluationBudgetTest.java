package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.cel.common.ast.CelExpr;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one evaluation may cost: its steps and what it produces, each counted exactly up to its limit. */
class EvaluationBudgetTest {

    private static final CelExpr EXPR = CelExpr.ofNotSet(1);

    @Test
    void theLastAllowedStepPassesAndTheNextIsRefused() {
        EvaluationBudget budget = new EvaluationBudget();
        for (int i = 0; i < EvaluationBudget.MAX_STEPS; i++) {
            budget.callback(EXPR, 1L);
        }
        assertThatThrownBy(() -> budget.callback(EXPR, 1L))
                .isInstanceOf(EvaluationBudget.Exceeded.class)
                .hasMessage("more than 100000 evaluation steps");
    }

    @Test
    void charactersOfStringsAreCountedUpToTheLimit() {
        EvaluationBudget budget = new EvaluationBudget();
        budget.callback(EXPR, "a".repeat((int) EvaluationBudget.MAX_PRODUCED - 1));
        assertThatCode(() -> budget.callback(EXPR, "b")).doesNotThrowAnyException();
        assertThatThrownBy(() -> budget.callback(EXPR, "c"))
                .isInstanceOf(EvaluationBudget.Exceeded.class)
                .hasMessage("more than 1000000 characters and elements produced");
    }

    @Test
    void elementsOfListsMapsAndBytesCountLikeCharacters() {
        List<Integer> million = Collections.nCopies((int) EvaluationBudget.MAX_PRODUCED, 0);
        assertThatThrownBy(() -> over(million)).isInstanceOf(EvaluationBudget.Exceeded.class);
        Map<Integer, Integer> big = new AbstractMap<>() { // only its size is read
            @Override
            public int size() {
                return (int) EvaluationBudget.MAX_PRODUCED;
            }

            @Override
            public Set<Entry<Integer, Integer>> entrySet() {
                return Set.of();
            }
        };
        assertThatThrownBy(() -> over(big)).isInstanceOf(EvaluationBudget.Exceeded.class);
        ByteString bytes = ByteString.copyFrom(new byte[(int) EvaluationBudget.MAX_PRODUCED]);
        assertThatThrownBy(() -> over(bytes)).isInstanceOf(EvaluationBudget.Exceeded.class);
    }

    @Test
    void numbersAndBooleansProduceNothing() {
        EvaluationBudget budget = new EvaluationBudget();
        budget.callback(EXPR, "a".repeat((int) EvaluationBudget.MAX_PRODUCED));
        assertThatCode(() -> {
            budget.callback(EXPR, 123_456_789L);
            budget.callback(EXPR, true);
            budget.callback(EXPR, null);
        }).doesNotThrowAnyException();
    }

    /** The value produced after one character: over the limit if it counts the whole limit. */
    private static void over(Object value) {
        EvaluationBudget budget = new EvaluationBudget();
        budget.callback(EXPR, "x");
        budget.callback(EXPR, value);
    }
}
