package dev.moments.bootstrap.ratelimit;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads the settings {@code moments.rate-limit.*} as {@link RequestRate}s; a wrong value stops the start. */
public class RequestRateConverter implements Converter<RequestRate> {

    @Override
    public RequestRate convert(String value) {
        return RequestRate.parse(value);
    }
}
