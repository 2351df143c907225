package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that is valid JSON but not acceptable (text holding NUL or a lone surrogate, a number with an absurd
 * exponent, a payload over its budget): answered 422 naming the field, as any other value the model refuses. A
 * {@link JsonMappingException}, so Jackson adds the path.
 */
public final class UnacceptableValueException extends JsonMappingException {

    private final String innerPath;

    public UnacceptableValueException(JsonParser parser, String message) {
        this(parser, message, "");
    }

    /**
     * @param innerPath where inside the value Jackson was reading the refused part lies, e.g. {@code .items[3]}: the
     *     reader went through it on its own, so Jackson's path stops at the value
     */
    public UnacceptableValueException(JsonParser parser, String message, String innerPath) {
        super(parser, message);
        this.innerPath = innerPath;
    }

    /** The path below Jackson's, or empty. */
    public String innerPath() {
        return innerPath;
    }
}
