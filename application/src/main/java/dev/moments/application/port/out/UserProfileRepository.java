package dev.moments.application.port.out;

import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps what partners tell about their users (the {@code user} block of events), so later events see earlier
 * attributes. Values are JSON-like: null, Boolean, String, BigDecimal, List, Map.
 */
public interface UserProfileRepository {

    /** The user's attributes, empty if none were ever given. */
    Map<String, Object> find(PartnerId partnerId, String userId);

    /** {@link #find} for several users of one partner at once; users without attributes may be left out. */
    default Map<String, Map<String, Object>> findAll(PartnerId partnerId, Collection<String> userIds) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        for (String userId : userIds) {
            found.put(userId, find(partnerId, userId));
        }
        return found;
    }

    /**
     * Merges {@code attributes} over the user's stored ones (top-level keys replaced, others kept), in the store, so
     * two concurrent events that each add an attribute both keep theirs.
     */
    void save(PartnerId partnerId, String userId, Map<String, Object> attributes, Instant at);
}
