package dev.moments.bootstrap;

import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code moments.schema}: a lower-case SQL name (letters, digits and {@code _}, not starting with a digit, at
 * most 63 characters), the same name whether quoted or not, and safe to write into the statement that sets a
 * connection's search path. Anything else stops the start with a message naming the setting.
 */
public class SchemaNameConverter implements Converter<String> {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public String convert(String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("moments.schema (MOMENTS_SCHEMA) must be a lower-case SQL name: a-z, "
                    + "0-9 and _, not starting with a digit, at most 63 characters; got '" + value + "'");
        }
        return value;
    }
}
