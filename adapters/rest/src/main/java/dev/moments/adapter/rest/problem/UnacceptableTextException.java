package dev.moments.adapter.rest.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON string that is valid JSON but no acceptable text (it holds NUL or a lone surrogate): answered 422 naming
 * the field, as any other value the model refuses. A {@link JsonMappingException}, so Jackson adds the path.
 */
public final class UnacceptableTextException extends JsonMappingException {

    public UnacceptableTextException(JsonParser parser, String message) {
        super(parser, message);
    }
}
