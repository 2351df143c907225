package dev.moments.application.port;

import java.util.Arrays;
import java.util.Objects;

/**
 * An HTTP response as it was first sent, kept under its idempotency key so a retry gets it again byte for byte.
 *
 * @param status the status code
 * @param contentType the media type of the body, or {@code null}
 * @param body the body's bytes (empty for none)
 * @param location the {@code Location} header, or {@code null}
 */
public record RecordedResponse(int status, String contentType, byte[] body, String location) {

    public RecordedResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether the request succeeded (2xx): only then is the response kept under its key. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedResponse that && status == that.status
                && Objects.equals(contentType, that.contentType) && Arrays.equals(body, that.body)
                && Objects.equals(location, that.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), location);
    }

    @Override
    public String toString() {
        return "RecordedResponse[status=" + status + ", contentType=" + contentType + ", body=" + body.length
                + " bytes, location=" + location + "]";
    }
}
