package dev.moments.application.port;

import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.MomentId;

/** Which awards to list; every part is optional ({@code null} matches all). */
public record AwardFilter(String userId, MomentId momentId, AwardStatus status) {

    /** Every award. */
    public static final AwardFilter ALL = new AwardFilter(null, null, null);
}
