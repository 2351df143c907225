package dev.moments.application.port.out;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import java.util.List;
import java.util.Optional;

/** Keeps moments; every lookup is scoped by partner. */
public interface MomentRepository {

    void insert(Moment moment);

    Optional<Moment> find(PartnerId partnerId, MomentId id);

    /** The moment's status as stored now: what a payment checks, cheaper than the whole moment. */
    Optional<MomentStatus> status(PartnerId partnerId, MomentId id);

    /** The partner's moments, oldest first. */
    Page<Moment> list(PartnerId partnerId, PageRequest page);

    /**
     * Stores {@code changed}'s status only if the stored status is still {@code expected}: a compare-and-set, so
     * two concurrent transitions never both apply.
     *
     * @return whether the status was changed
     */
    boolean updateStatus(Moment changed, MomentStatus expected);

    /**
     * Stores {@code edited}'s definition (everything but its id, partner, status and creation time) and its
     * {@code updatedAt}, only if the stored status is still {@code edited}'s: a compare-and-set like
     * {@link #updateStatus}. The event types it listens to follow its trigger.
     *
     * @return whether the moment was changed
     */
    boolean update(Moment edited);

    /** The partner's moments in one of {@code statuses}, for the in-memory index of listening moments. */
    List<Moment> findInStatus(PartnerId partnerId, List<MomentStatus> statuses);

    /** The partner's moments in one of {@code statuses} whose trigger listens to {@code eventType}. */
    List<Moment> findListening(PartnerId partnerId, String eventType, List<MomentStatus> statuses);
}
