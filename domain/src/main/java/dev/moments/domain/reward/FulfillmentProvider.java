package dev.moments.domain.reward;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who delivers a reward once it is claimed. */
public enum FulfillmentProvider {
    /** Succeeds at once; for tests and TEST moments. */
    SANDBOX,
    /** Hands out a code from the reward's pool. */
    CODES,
    /** The configured external reward provider, over HTTP. */
    HTTP,
    /** The partner fulfils it and reports back. */
    WEBHOOK;

    /** The name as the API writes it, e.g. {@code sandbox}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API name; refuses an unknown provider naming {@code field}. */
    public static FulfillmentProvider fromApiName(String name, String field) {
        for (FulfillmentProvider provider : values()) {
            if (provider.apiName().equals(name)) {
                return provider;
            }
        }
        throw new InvalidValueException(field, "unknown provider " + name + "; expected one of "
                + Arrays.stream(values()).map(FulfillmentProvider::apiName).collect(Collectors.joining(", ")));
    }
}
