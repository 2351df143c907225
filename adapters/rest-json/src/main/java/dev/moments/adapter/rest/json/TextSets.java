package dev.moments.adapter.rest.json;

import dev.moments.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a JSON list of strings as a set, refusing empty entries with the field named. */
final class TextSets {

    private TextSets() {
    }

    static Set<String> of(List<String> values, String field) {
        if (values == null) {
            return Set.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                throw new InvalidValueException(field + "[" + i + "]", "entries must not be empty");
            }
        }
        return new LinkedHashSet<>(values); // in the given order, so the model can name an entry by its index
    }
}
