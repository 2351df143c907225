package dev.moments.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.adapter.rest.json.StrictJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Makes the service's one mapper read request bodies as {@link StrictJson} describes. */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.configure(mapper);
    }

    /**
     * Applied after every other customizer, Quarkus's own registration of the JSR-310 module included: of two modules
     * with a deserializer for one type, the one registered last is asked first, and that must be ours.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
