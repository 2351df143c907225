package dev.moments.application.service;

import dev.moments.application.port.out.Blocklist;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.partner.PartnerId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Asks the partners' blocklists about completions: one read per partner for all the completions of a unit of work,
 * and none without completions, so events that complete nothing never ask.
 */
final class Blocking {

    private final Blocklist blocklist;

    Blocking(Blocklist blocklist) {
        this.blocklist = blocklist;
    }

    /** Which of {@code completions} a blocklist names (their user, payee, device, client or e-mail address). */
    Predicate<Awarding.Completion> of(Collection<Awarding.Completion> completions) {
        Map<PartnerId, Set<Block.Key>> asked = new LinkedHashMap<>();
        for (Awarding.Completion completion : completions) {
            asked.computeIfAbsent(completion.moment().partnerId(), p -> new LinkedHashSet<>())
                    .addAll(completion.blockKeys());
        }
        Map<PartnerId, Set<Block.Key>> blocked = new HashMap<>();
        asked.forEach((partner, keys) -> blocked.put(partner, blocklist.blocked(partner, keys)));
        return completion -> {
            Set<Block.Key> named = blocked.getOrDefault(completion.moment().partnerId(), Set.of());
            return !named.isEmpty() && completion.blockKeys().stream().anyMatch(named::contains);
        };
    }

    /** Whether the partner's blocklist names any of {@code keys}. */
    boolean any(PartnerId partnerId, Collection<Block.Key> keys) {
        return !blocklist.blocked(partnerId, keys).isEmpty();
    }
}
