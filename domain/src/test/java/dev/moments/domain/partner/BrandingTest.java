package dev.moments.domain.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class BrandingTest {

    private static final PartnerId ACME = new PartnerId("ptn_acme");

    @Test
    void aDarkEnoughColourIsKept_inUpperCase_andTheRestAsGiven() {
        Branding branding = new Branding(ACME, "  Acme Games ", "https://cdn.acme.example/logo.svg", "#1a56db",
                " help@acme.example ");

        assertThat(branding.displayName()).isEqualTo("Acme Games");
        assertThat(branding.primaryColor()).isEqualTo("#1A56DB");
        assertThat(branding.supportEmail()).isEqualTo("help@acme.example");
    }

    @Test
    void theContrastRatioFollowsWcag() {
        assertThat(Branding.contrastWithWhite("#FFFFFF")).isEqualTo(1.0);
        assertThat(Branding.contrastWithWhite("#000000")).isEqualTo(21.0);
        // #767676 is the lightest grey that passes AA on white: 4.54:1
        assertThat(Branding.contrastWithWhite("#767676")).isBetween(4.53, 4.55);
        assertThat(Branding.contrastWithWhite("#777777")).isLessThan(4.5);
    }

    @Test
    void aColourWhiteTextCannotBeReadOn_isRefused_withItsRatio() {
        assertThatThrownBy(() -> new Branding(ACME, "Acme", null, "#FFD700", null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("#FFD700 contrasts 1.40:1 with white")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("primaryColor");
    }

    @Test
    void malformedValuesAreRefused_eachNamingItsField() {
        assertField(() -> new Branding(ACME, " ", null, null, null), "displayName");
        assertField(() -> new Branding(ACME, "x".repeat(101), null, null, null), "displayName");
        assertField(() -> new Branding(ACME, "Acme", "http://acme.example/logo.png", null, null), "logoUrl");
        assertField(() -> new Branding(ACME, "Acme", "javascript:alert(1)", null, null), "logoUrl");
        assertField(() -> new Branding(ACME, "Acme", null, "blue", null), "primaryColor");
        assertField(() -> new Branding(ACME, "Acme", null, "#12345", null), "primaryColor");
        assertField(() -> new Branding(ACME, "Acme", null, null, "not-an-address"), "supportEmail");
    }

    private static void assertField(Runnable creation, String field) {
        assertThatThrownBy(creation::run).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo(field);
    }
}
