package dev.moments.domain.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Where a physical reward goes; every refusal names its field as the API spells it. */
class ShippingAddressTest {

    @Test
    void valuesAreTrimmed_blankOptionalsAreAbsent_andCountryAndPostalCodeUpperCase() {
        ShippingAddress address = new ShippingAddress("  Ada Lovelace ", " 1 Main St", "  ", "London ", "",
                "sw1a 1aa", "gb");

        assertThat(address.name()).isEqualTo("Ada Lovelace");
        assertThat(address.line1()).isEqualTo("1 Main St");
        assertThat(address.line2()).isNull();
        assertThat(address.city()).isEqualTo("London");
        assertThat(address.region()).isNull();
        assertThat(address.postalCode()).isEqualTo("SW1A 1AA");
        assertThat(address.country()).isEqualTo("GB");
        assertThat(new ShippingAddress("Ada", "1 Main St", " Apt 2 ", "Springfield", " IL ", "62701", "US"))
                .extracting(ShippingAddress::line2, ShippingAddress::region).containsExactly("Apt 2", "IL");
    }

    @Test
    void nameLine1CityPostalCodeAndCountryAreRequired() {
        assertRefused(null, "1 Main St", "Springfield", "62701", "US", "shipping.name", "name is required");
        assertRefused("Ada", " ", "Springfield", "62701", "US", "shipping.line1", "line1 is required");
        assertRefused("Ada", "1 Main St", null, "62701", "US", "shipping.city", "city is required");
        assertRefused("Ada", "1 Main St", "Springfield", "", "US", "shipping.postalCode", "postalCode is required");
        assertRefused("Ada", "1 Main St", "Springfield", "62701", null, "shipping.country", "country is required");
    }

    @Test
    void theCountryIsATwoLetterCode() {
        for (String country : new String[] {"USA", "U1", "U"}) {
            assertRefused("Ada", "1 Main St", "Springfield", "62701", country, "shipping.country",
                    "country is an ISO-3166 alpha-2 code such as US");
        }
    }

    @Test
    void thePostalCodeFollowsTheCountrysFormat_whereKnown_andLooselyElsewhere() {
        assertThat(address("62701-1234", "US").postalCode()).isEqualTo("62701-1234");
        assertThat(address("1012 ab", "NL").postalCode()).isEqualTo("1012 AB");
        assertThat(address("K1A-0B1", "ZZ").postalCode()).as("unknown country: loosely").isEqualTo("K1A-0B1");

        assertRefused("Ada", "1 Main St", "Springfield", "6270", "US", "shipping.postalCode",
                "not a valid postal code for US");
        assertRefused("Ada", "1 Main St", "Springfield", "1012", "DE", "shipping.postalCode",
                "not a valid postal code for DE");
        assertRefused("Ada", "1 Main St", "Springfield", "-123", "ZZ", "shipping.postalCode",
                "not a valid postal code for ZZ");
    }

    @Test
    void aValueHasAtMost200Characters() {
        assertThat(new ShippingAddress("n".repeat(200), "1 Main St", null, "Springfield", null, "62701", "US").name())
                .hasSize(200);
        assertThatThrownBy(() -> new ShippingAddress("Ada", "1 Main St", "l".repeat(201), "Springfield", null,
                "62701", "US")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("shipping.line2");
    }

    private static ShippingAddress address(String postalCode, String country) {
        return new ShippingAddress("Ada", "1 Main St", null, "Springfield", null, postalCode, country);
    }

    private static void assertRefused(String name, String line1, String city, String postalCode, String country,
                                      String field, String message) {
        assertThatThrownBy(() -> new ShippingAddress(name, line1, null, city, null, postalCode, country))
                .isInstanceOf(InvalidValueException.class).hasMessage(message)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo(field);
    }
}
