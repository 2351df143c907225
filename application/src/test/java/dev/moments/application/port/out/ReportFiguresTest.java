package dev.moments.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.ReportFigures.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A report's period: whole days in the moment's time zone, the last one included. */
class ReportFiguresTest {

    private final Period november = new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            ZoneId.of("America/New_York"), Instant.parse("2026-12-06T12:00:00Z"));

    @Test
    void aPeriodRunsFromTheStartOfItsFirstDayToTheEndOfItsLastInItsZone() {
        assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(november.until()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void usersAreOldEnoughForARetentionOfSomeDaysIfReachedThatManyDaysAgo() {
        assertThat(november.maturedBy(7)).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    }
}
