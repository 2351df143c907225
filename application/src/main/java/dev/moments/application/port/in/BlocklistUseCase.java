package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import dev.moments.domain.partner.PartnerId;

/**
 * A partner's blocklist: users, devices, client addresses and e-mail addresses whose completions are refused
 * ({@code BLOCKED}), and the unclaimed awards of one of them cancelled at once.
 */
public interface BlocklistUseCase {

    /**
     * Blocks a user, device, client address or e-mail address ({@code kind} as the API names it); blocking what is
     * blocked already answers the entry that stands.
     *
     * @throws dev.moments.domain.shared.InvalidValueException when the kind, value or reason is malformed, or the
     *                                                         partner's blocklist is full
     */
    Added add(PartnerId partnerId, String kind, String value, String reason);

    /** One page of the partner's entries, in id order. */
    Page<Block> list(PartnerId partnerId, PageRequest page);

    /** @throws NotFoundException when the partner has no such entry */
    Block get(PartnerId partnerId, BlockId id);

    /**
     * Lifts the entry: completions from then on are decided without it.
     *
     * @throws NotFoundException when the partner has no such entry
     */
    void remove(PartnerId partnerId, BlockId id);

    /**
     * Cancels every unclaimed award (EARNED or PENDING_REVIEW) the entry names — a user's, a device's, those earned
     * from a client address, those of the users whose {@code email} attribute is the address — giving each
     * reservation back to its budget and telling of each ({@code award.cancelled}).
     *
     * @throws NotFoundException when the partner has no such entry
     */
    int cancelAwards(PartnerId partnerId, BlockId id);

    /** The entry that stands, and whether this call added it. */
    record Added(Block block, boolean created) {
    }
}
