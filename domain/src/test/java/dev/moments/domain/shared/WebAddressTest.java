package dev.moments.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebAddressTest {

    @Test
    void anAbsoluteHttpOrHttpsAddressIsKeptAsGiven() {
        assertThat(WebAddress.optional("imageUrl", "https://cdn.example.com/figure.png?size=2"))
                .isEqualTo("https://cdn.example.com/figure.png?size=2");
        assertThat(WebAddress.optional("imageUrl", "HTTP://example.com")).isEqualTo("HTTP://example.com");
        assertThat(WebAddress.optional("imageUrl", null)).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {"ftp://example.com/a.png", "/figure.png", "https:///figure.png",
                "https://example.com/a b.png", "https://example.com/\"a\".png", "mailto:someone@example.com", " ",
                "https://example.com/" + "a".repeat(WebAddress.MAX_LENGTH)}) {
            assertThatThrownBy(() -> WebAddress.optional("imageUrl", bad)).as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("imageUrl");
        }
    }
}
