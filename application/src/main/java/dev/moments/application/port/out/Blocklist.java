package dev.moments.application.port.out;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import dev.moments.domain.partner.PartnerId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Keeps each partner's blocklist: what completions are refused for ({@code BLOCKED}). */
public interface Blocklist {

    /** What one partner may block at most. */
    int MAX_ENTRIES = 100_000;

    /** What {@link #add} did. */
    enum Added {
        /** The entry was added. */
        ADDED,
        /** The partner already blocks the same kind and key: the entry that stands is kept. */
        ALREADY_BLOCKED,
        /** The partner keeps {@link #MAX_ENTRIES} entries already. */
        FULL
    }

    /** Adds the entry unless the partner blocks its kind and key already, or keeps as many entries as allowed. */
    Added add(Block block);

    /** The partner's entry of that kind and key, if it blocks it. */
    Optional<Block> find(PartnerId partnerId, Block.Key key);

    /** The partner's entry, if it exists. */
    Optional<Block> find(PartnerId partnerId, BlockId id);

    /** One page of the partner's entries, in id order. */
    Page<Block> list(PartnerId partnerId, PageRequest page);

    /** Removes the partner's entry; whether it existed. */
    boolean remove(PartnerId partnerId, BlockId id);

    /** Those of {@code keys} the partner blocks (one read however many are asked). */
    Set<Block.Key> blocked(PartnerId partnerId, Collection<Block.Key> keys);
}
