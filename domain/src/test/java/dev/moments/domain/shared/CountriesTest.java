package dev.moments.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void aCodeIsTwoUpperCaseAsciiLetters() {
        for (String code : new String[] {"US", "AZ", "ZA", "AA", "ZZ"}) {
            assertThat(Countries.isCode(code)).as(code).isTrue();
        }
        for (String code : new String[] {"us", "Us", "uS", "U", "USA", "U1", "1U", "@A", "A[", "[A", "ÄB", null}) {
            assertThat(Countries.isCode(code)).as(code).isFalse();
        }
    }

    @Test
    void aListIsASetOfCodes_noneWhenAbsent() {
        assertThat(Countries.codes("countries", List.of("US", "CA", "US"))).containsExactlyInAnyOrder("US", "CA");
        assertThat(Countries.codes("countries", null)).isEmpty();
    }

    @Test
    void aListHoldsAtMost250Codes() {
        assertThat(Countries.codes("countries", Collections.nCopies(250, "US"))).containsExactly("US");
        assertThatThrownBy(() -> Countries.codes("countries", Collections.nCopies(251, "US")))
                .isInstanceOf(InvalidValueException.class).hasMessage("at most 250 countries, got 251");
    }

    @Test
    void aRefusedCodeIsNamed_cutTo10Characters() {
        assertRefused(List.of("US", "usa"), "countries are ISO-3166 alpha-2 codes such as US, got usa");
        assertRefused(List.of("united sta"), "countries are ISO-3166 alpha-2 codes such as US, got united sta");
        assertRefused(List.of("united states"), "countries are ISO-3166 alpha-2 codes such as US, got united sta…");
        assertRefused(Arrays.asList("US", null), "countries are ISO-3166 alpha-2 codes such as US, got null");
    }

    private static void assertRefused(List<String> codes, String message) {
        assertThatThrownBy(() -> Countries.codes("audience.countries", codes))
                .isInstanceOf(InvalidValueException.class).hasMessage(message)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("audience.countries");
    }
}
