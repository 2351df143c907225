package dev.moments.domain.award;

/**
 * Why a completion is not paid, as the API names it. Each refusal belongs to a kind that says what it does to the
 * user's progress: the moment's own state, the audience and the user's own limits use the completion up (progress
 * starts again from zero, as after an award); the partner's money keeps it, so the user's next qualifying event is
 * paid once money allows — a user who did the work is not sent back to zero because the partner ran out today.
 */
public enum Refusal {

    /** The moment is neither LIVE nor in TEST. */
    NOT_LIVE(Kind.MOMENT),
    /** The completion falls outside the moment's schedule. */
    OUTSIDE_SCHEDULE(Kind.MOMENT),
    /** The moment is in TEST and the user is not a test user. */
    TEST_USERS_ONLY(Kind.MOMENT),
    /** The user is not in the moment's audience (country, platform, segments, condition). */
    NOT_IN_AUDIENCE(Kind.AUDIENCE),
    /** The user, their device, client address or e-mail address is on the partner's blocklist. */
    BLOCKED(Kind.AUDIENCE),
    /** The user is in the moment's control group: tracked, never paid. */
    HOLDOUT(Kind.AUDIENCE),
    /** A referral moment's referee completed it without having been referred (or before they were). */
    NOT_REFERRED(Kind.AUDIENCE),
    /** A referral moment's referee completed it later than {@code within} after being referred. */
    REFERRAL_EXPIRED(Kind.USER_LIMIT),
    /** A referral moment's referrer was seen on a device of the referee: they may be one person. */
    SELF_REFERRAL(Kind.USER_LIMIT),
    /** A referral moment already paid this referee's referral (to the same user: the referrer, or the referee). */
    REFERRAL_PAID(Kind.USER_LIMIT),
    /** The user has earned the moment as many times as {@code limits.perUser} allows. */
    LIMIT_PER_USER(Kind.USER_LIMIT),
    /** The user's last award of the moment is more recent than {@code limits.cooldown}. */
    COOLDOWN(Kind.USER_LIMIT),
    /** The user's device has earned the moment as many times as {@code limits.perDevice} allows. */
    LIMIT_PER_DEVICE(Kind.USER_LIMIT),
    /** The user's client address earned the moment {@code limits.perIp.max} times within its window. */
    VELOCITY_IP(Kind.USER_LIMIT),
    /** The user's account is younger than {@code limits.minAccountAge}, or of unknown age. */
    ACCOUNT_TOO_NEW(Kind.USER_LIMIT),
    /** The partner's monthly cap cannot pay one more action this month. */
    MONTHLY_CAP(Kind.MONEY),
    /** The moment's budget cannot pay one more action. */
    BUDGET_EXHAUSTED(Kind.MONEY),
    /** The moment's daily cap cannot pay one more action today. */
    DAILY_CAP(Kind.MONEY);

    /** What stands in the way. */
    public enum Kind {
        /** The moment's status, schedule or test mode. */
        MOMENT,
        /** Who the user is: audience, blocklist, control group, whether someone referred them. */
        AUDIENCE,
        /** The user's (or device's) own limits on the moment, a referral's window and its single payment. */
        USER_LIMIT,
        /** The partner's money: budget, daily cap, monthly cap. */
        MONEY
    }

    private final Kind kind;

    Refusal(Kind kind) {
        this.kind = kind;
    }

    /** What stands in the way. */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether a completion refused for this reason keeps the user's progress (the partner's money), instead of using
     * it up (everything else).
     */
    public boolean keepsProgress() {
        return kind == Kind.MONEY;
    }
}
