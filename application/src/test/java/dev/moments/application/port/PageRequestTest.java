package dev.moments.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

/** A page asked for: between 1 and 500 items, after a cursor or from the start. */
class PageRequestTest {

    @Test
    void aPageHoldsOneToFiveHundredItems() {
        assertThat(new PageRequest(1, null).limit()).isEqualTo(1);
        assertThat(new PageRequest(PageRequest.MAX_LIMIT, null).limit()).isEqualTo(500);
        assertThatThrownBy(() -> new PageRequest(0, null)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> new PageRequest(501, null)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("limit");
    }

    @Test
    void aCursorIsNeitherBlankNorLongerThan200Characters() {
        assertThat(new PageRequest(10, "x".repeat(200)).after()).hasSize(200);
        assertThatThrownBy(() -> new PageRequest(10, " ")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("after");
        assertThatThrownBy(() -> new PageRequest(10, "x".repeat(201))).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("after");
    }

    @Test
    void theFirstPageHasTheDefaultSize() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, null));
    }
}
