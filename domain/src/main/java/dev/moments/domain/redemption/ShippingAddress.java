package dev.moments.domain.redemption;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a physical reward goes. Required: name, first line, city, postal code and country (ISO-3166 alpha-2). The
 * postal code is checked against the country's format where it is known, and loosely elsewhere. Every violation names
 * its field as the API spells it ({@code shipping.postalCode}), so a form can show the message next to the field.
 */
public record ShippingAddress(String name, String line1, String line2, String city, String region, String postalCode,
                              String country) {

    /** The longest value accepted in any field. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern ANY_POSTAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,10}");
    private static final Map<String, Pattern> POSTAL_CODES = Map.ofEntries(
            Map.entry("US", Pattern.compile("\\d{5}(-\\d{4})?")),
            Map.entry("CA", Pattern.compile("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d")),
            Map.entry("GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}")),
            Map.entry("DE", Pattern.compile("\\d{5}")),
            Map.entry("FR", Pattern.compile("\\d{5}")),
            Map.entry("ES", Pattern.compile("\\d{5}")),
            Map.entry("IT", Pattern.compile("\\d{5}")),
            Map.entry("NL", Pattern.compile("\\d{4} ?[A-Z]{2}")),
            Map.entry("BE", Pattern.compile("\\d{4}")),
            Map.entry("AT", Pattern.compile("\\d{4}")),
            Map.entry("CH", Pattern.compile("\\d{4}")),
            Map.entry("AU", Pattern.compile("\\d{4}")),
            Map.entry("JP", Pattern.compile("\\d{3}-?\\d{4}")),
            Map.entry("IN", Pattern.compile("\\d{6}")),
            Map.entry("BR", Pattern.compile("\\d{5}-?\\d{3}")),
            Map.entry("MX", Pattern.compile("\\d{5}")),
            Map.entry("PL", Pattern.compile("\\d{2}-\\d{3}")),
            Map.entry("SE", Pattern.compile("\\d{3} ?\\d{2}")));

    public ShippingAddress {
        name = required("name", name);
        line1 = required("line1", line1);
        line2 = optional("line2", line2);
        city = required("city", city);
        region = optional("region", region);
        country = required("country", country).toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidValueException("shipping.country", "country is an ISO-3166 alpha-2 code such as US");
        }
        postalCode = required("postalCode", postalCode).toUpperCase(Locale.ROOT);
        Pattern format = POSTAL_CODES.getOrDefault(country, ANY_POSTAL_CODE);
        if (!format.matcher(postalCode).matches()) {
            throw new InvalidValueException("shipping.postalCode", "not a valid postal code for " + country);
        }
    }

    private static String required(String field, String value) {
        String kept = optional(field, value);
        if (kept == null) {
            throw new InvalidValueException("shipping." + field, field + " is required");
        }
        return kept;
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Text.name("shipping." + field, value, MAX_LENGTH);
    }
}
