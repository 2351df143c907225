package dev.moments.application.port.out;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.referral.Referral;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what partners tell about their users (the {@code user} block of events), so later events see earlier
 * attributes; who referred whom (the first {@code user.referredBy}); and, for partners with referral moments, the
 * devices each user was seen on. Values are JSON-like: null, Boolean, String, BigDecimal, List, Map.
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

    /** Who referred each of these users, for those someone referred. */
    Map<String, Referral> referrals(PartnerId partnerId, Collection<String> userIds);

    /**
     * Records referrals; a user already referred keeps their first one (also when another transaction recorded it
     * meanwhile). A store writes them in the order given: callers sort them by referee.
     */
    void refer(PartnerId partnerId, List<Referral> referrals);

    /**
     * Remembers that users were seen on devices (the pairs one already knows are kept as they are); a store writes them
     * in the order given: callers sort them by user, then device.
     */
    void seenOn(PartnerId partnerId, List<UserDevice> seen);

    /** Whether the two users were ever seen on one device. */
    boolean shareDevice(PartnerId partnerId, String userId, String otherUserId);

    /**
     * Up to {@code limit} of the partner's users whose {@code email} attribute is the address blocked by
     * {@code emailKey} ({@code Block.emailKey}: the SHA-256 of the lower-cased address), in id order.
     */
    List<String> usersWithEmail(PartnerId partnerId, String emailKey, int limit);

    /** A user seen on a device. */
    record UserDevice(String userId, String deviceId) implements Comparable<UserDevice> {

        @Override
        public int compareTo(UserDevice other) {
            int byUser = userId.compareTo(other.userId);
            return byUser != 0 ? byUser : deviceId.compareTo(other.deviceId);
        }
    }
}
