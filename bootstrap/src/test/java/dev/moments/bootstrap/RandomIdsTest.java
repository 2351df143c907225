package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void anIdIsThePrefixAndTwentySixCrockfordCharacters() {
        assertThat(new RandomIds(System::currentTimeMillis).next("mom_")).matches("mom_[0-9a-hjkmnp-tv-z]{26}");
    }

    @Test
    void idsMadeLaterSortAfterIdsMadeEarlier() {
        AtomicLong millis = new AtomicLong(1_764_000_000_000L);
        RandomIds ids = new RandomIds(millis::get);
        String earlier = ids.next("awd_");
        millis.addAndGet(1);
        assertThat(ids.next("awd_")).isGreaterThan(earlier);
    }

    @Test
    void idsOfTheSameMillisecondAreStillAllDifferent() {
        RandomIds ids = new RandomIds(() -> 42L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next("awd_"));
        }
        assertThat(seen).hasSize(10_000);
    }
}
