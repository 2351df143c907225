package dev.moments.domain.trigger;

import java.util.List;

/** Measures how deeply {@code all}/{@code any} triggers nest. */
final class Nesting {

    private Nesting() {
    }

    static int depth(List<Trigger> children) {
        int deepest = 0;
        for (Trigger child : children) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    static int depth(Trigger trigger) {
        if (trigger instanceof AllTrigger all) {
            return depth(all.of());
        }
        if (trigger instanceof AnyTrigger any) {
            return depth(any.of());
        }
        return 0;
    }
}
