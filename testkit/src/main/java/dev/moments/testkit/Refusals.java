package dev.moments.testkit;

import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.json.Problems;
import java.util.concurrent.Callable;

/** Runs a call of the facade and turns a failure the API answers with a problem into a {@link ProblemException}. */
final class Refusals {

    private Refusals() {
    }

    static <T> T translated(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            Problem problem = Problems.of(e);
            if (problem == null) {
                throw e instanceof RuntimeException unexpected ? unexpected : new IllegalStateException(e);
            }
            throw new ProblemException(problem, e);
        }
    }
}
