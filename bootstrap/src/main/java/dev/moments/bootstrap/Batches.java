package dev.moments.bootstrap;

import java.util.function.IntUnaryOperator;

/** The jobs' loop: work a batch at a time, again while each batch comes back full, within a bound per turn. */
final class Batches {

    private Batches() {
    }

    /**
     * Calls {@code batch} with {@code size} until it answers fewer than {@code size} items, at most {@code max} times,
     * so one turn of a job never runs for long; answers how many items in all.
     */
    static int whileFull(int size, int max, IntUnaryOperator batch) {
        int total = 0;
        for (int round = 0; round < max; round++) {
            int done = batch.applyAsInt(size);
            total += done;
            if (done < size) {
                break;
            }
        }
        return total;
    }
}
