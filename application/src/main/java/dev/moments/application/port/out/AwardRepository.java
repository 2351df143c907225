package dev.moments.application.port.out;

import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps awards; at most one per (moment, user, completion), which the store enforces. Every status an award takes —
 * its first on {@link #insert}, each later one on {@link #updateStatus} — is appended to its history in the same
 * transaction.
 */
public interface AwardRepository {

    /**
     * Stores a new award with its sealed redemption token. A second award for the same (moment, user, completion)
     * is refused with {@link ConcurrentWriteException}.
     */
    void insert(Award award, String sealedToken);

    /**
     * Stores new awards as {@link #insert} does, each with the key of its client address, all or none (a store may
     * write them in one round trip). No default: a store that dropped the keys would let {@code limits.perIp} count
     * nothing.
     */
    void insertAll(List<Sealed> awards);

    /**
     * A new award and its sealed redemption token, the key of the client address it was earned from
     * ({@code EventContext.ipKey}, or {@code null}), which {@link #lockAndCountForIp} counts, and whether its user may
     * be e-mailed about it ({@link #notifiesByEmail}).
     */
    record Sealed(Award award, String sealedToken, String ipKey, boolean notifyByEmail) {

        /** An award earned from an unknown address. */
        public Sealed(Award award, String sealedToken) {
            this(award, sealedToken, null);
        }

        /** An award whose user may be e-mailed about it. */
        public Sealed(Award award, String sealedToken, String ipKey) {
            this(award, sealedToken, ipKey, true);
        }
    }

    Optional<Award> find(PartnerId partnerId, AwardId id);

    /** The partner's awards among {@code ids}, in no particular order. */
    List<Award> findAll(PartnerId partnerId, Collection<AwardId> ids);

    /** The partner's awards matching the filter, oldest first (ids sort by creation time). */
    Page<Award> list(PartnerId partnerId, AwardFilter filter, PageRequest page);

    /** How many awards the user has earned on the moment, whatever became of them. */
    int countForUser(MomentId momentId, String userId);

    /** {@link #countForUser} for several users of one moment at once; users without awards may be left out. */
    default Map<String, Integer> countForUsers(MomentId momentId, Collection<String> userIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (String userId : userIds) {
            counts.put(userId, countForUser(momentId, userId));
        }
        return counts;
    }

    /** When the user last earned the moment, if ever. */
    Optional<Instant> lastEarnedAt(MomentId momentId, String userId);

    /**
     * Serialises awards on one device of one moment until the end of the transaction, then tells how many awards
     * were earned on that device, a referral's two awards (to its referrer and its referee) as one: two users
     * completing on one device at once are counted one after the other.
     */
    int lockAndCountForDevice(MomentId momentId, String deviceId);

    /**
     * Serialises awards from one client address of one moment until the end of the transaction, then tells how many
     * were earned from it since {@code since} (a referral's two awards as one): completions from one address at once
     * are counted one after the other.
     */
    int lockAndCountForIp(MomentId momentId, String ipKey, Instant since);

    /**
     * Serialises a referral moment's awards to one referrer until the end of the transaction, then tells how many
     * referrals were paid to them ({@link #countReferralsPaid}): referees of one referrer completing at once are
     * decided one after the other, each counting the awards the ones before it left.
     */
    int lockAndCountReferralsPaid(MomentId momentId, String referrer);

    /** How many referrals of the moment were paid to {@code referrer}: their awards for their referees' completions. */
    int countReferralsPaid(MomentId momentId, String referrer);

    /** Whether the moment already paid {@code payee} (the referrer, or the referee) for the referee's referral. */
    boolean referralPaid(MomentId momentId, String referee, String payee);

    /**
     * Stores {@code changed}'s status only if the stored status is still {@code expected} (compare-and-set), and
     * records the change in the award's history without a reason.
     *
     * @return whether the status was changed
     */
    default boolean updateStatus(Award changed, AwardStatus expected) {
        return updateStatus(changed, expected, null);
    }

    /**
     * Stores {@code changed}'s status only if the stored status is still {@code expected} (compare-and-set), and
     * records the change in the award's history, at {@code changed.updatedAt()}, with {@code reason} (may be null).
     *
     * @return whether the status was changed
     */
    boolean updateStatus(Award changed, AwardStatus expected, String reason);

    /** The award's statuses, oldest first, from the one it was earned in. */
    List<AwardStatusChange> history(AwardId id);

    /** The award whose redemption token has this digest, whatever its partner: the token is the authority. */
    Optional<Award> findByTokenDigest(String tokenDigest);

    /**
     * The award whose redemption token has this digest, locked until the end of the transaction
     * ({@code select … for update}): concurrent claims of one award are applied one after the other.
     */
    Optional<Award> lockByTokenDigest(String tokenDigest);

    /**
     * The award with this id, whatever its partner, locked until the end of the transaction: for a provider's report,
     * already authenticated by its signature.
     */
    Optional<Award> lock(AwardId id);

    /**
     * Up to {@code limit} unclaimed awards whose link expired by {@code now}, in moment order (the order every
     * transaction takes budget row locks in) and by deadline within a moment, locked for this transaction and skipped
     * by any other transaction doing the same, so several instances can expire awards at once without overlap.
     */
    List<Award> lockExpired(Instant now, int limit);

    /**
     * Up to {@code limit} of the partner's unclaimed awards (EARNED or PENDING_REVIEW) of a blocked user, device or
     * client address ({@code key} of kind USER, DEVICE or IP), in id order, locked for this transaction.
     */
    List<Award> lockUnclaimed(PartnerId partnerId, Block.Key key, int limit);

    /**
     * One page of the partner's awards waiting for review (PENDING_REVIEW), oldest first (by when they were earned,
     * then id); the cursor is the id of the last award of the previous page.
     */
    Page<Award> pendingReview(PartnerId partnerId, PageRequest page);

    /**
     * Up to {@code limit} awards that waited for review longer than their moment's {@code review.autoRejectAfter}
     * (30 days for a moment that no longer has a review rule) by {@code now}, in moment order, locked for this
     * transaction and skipped by any other doing the same.
     */
    List<Award> lockReviewsDue(Instant now, int limit);

    /**
     * Whether the award's user may be e-mailed about it: not when the event that earned it said
     * {@code "notify": { "email": false }} (asked when an award held for review is approved).
     */
    boolean notifiesByEmail(AwardId id);

    /** The sealed redemption token of an award. */
    Optional<String> sealedToken(AwardId id);

    /**
     * The sealed redemption tokens of awards, by award; an award that is unknown or has none is left out. A store may
     * read them all at once.
     */
    default Map<AwardId, String> sealedTokens(Collection<AwardId> ids) {
        Map<AwardId, String> tokens = new HashMap<>();
        for (AwardId id : ids) {
            sealedToken(id).ifPresent(token -> tokens.put(id, token));
        }
        return tokens;
    }
}
