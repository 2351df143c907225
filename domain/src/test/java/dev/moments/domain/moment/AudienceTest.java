package dev.moments.domain.moment;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.event.EventContext;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceTest {

    private final Audience usOnIos = new Audience(Set.of("US"), Set.of("ios"), Set.of(), null);

    private static UserEvent from(String country, String platform, Map<String, Object> user) {
        return new UserEvent(PARTNER, "e", "app.opened", "u", null, NOW, Map.of(),
                new EventContext(country, platform, null, false), user);
    }

    @Test
    void everyoneIsAdmittedWithoutFilters() {
        assertThat(Audience.EVERYONE.admitsContextOf(from(null, null, Map.of()))).isTrue();
    }

    @Test
    void countryAndPlatformMustBothMatch() {
        assertThat(usOnIos.admitsContextOf(from("US", "ios", Map.of()))).isTrue();
        assertThat(usOnIos.admitsContextOf(from("CA", "ios", Map.of()))).isFalse();
        assertThat(usOnIos.admitsContextOf(from("US", "web", Map.of()))).isFalse();
        assertThat(usOnIos.admitsContextOf(from(null, "ios", Map.of()))).isFalse();
    }

    @Test
    void aUserInOneOfTheSegmentsIsAdmitted() {
        Audience firstTimeBuyers = new Audience(Set.of(), Set.of(), Set.of("first_time_buyers"), null);
        assertThat(firstTimeBuyers.admitsContextOf(from(null, null, Map.of("segments", List.of("vip", "first_time_buyers")))))
                .isTrue();
        assertThat(firstTimeBuyers.admitsContextOf(from(null, null, Map.of("segments", List.of("vip"))))).isFalse();
        assertThat(firstTimeBuyers.admitsContextOf(from(null, null, Map.of()))).isFalse();
    }

    @Test
    void countriesAreIsoCodes() {
        assertThatThrownBy(() -> new Audience(Set.of("usa"), Set.of(), Set.of(), null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("audience.countries");
    }

    @Test
    void aBlankConditionIsNoCondition_anotherIsKept() {
        assertThat(new Audience(Set.of(), Set.of(), Set.of(), "  ").where()).isNull();
        assertThat(new Audience(Set.of(), Set.of(), Set.of(), "user.vip").where()).isEqualTo("user.vip");
    }
}
