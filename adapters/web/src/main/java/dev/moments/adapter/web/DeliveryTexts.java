package dev.moments.adapter.web;

import dev.moments.adapter.web.Views.DeliveryView;
import dev.moments.adapter.web.Views.PageView;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.domain.award.AwardStatus;

/** What the pages say about an award and its delivery, in the user's language. */
final class DeliveryTexts {

    private DeliveryTexts() {
    }

    static PageView pageView(Redemption redemption, PageLocale locale) {
        String announcement = redemption.announcement() == null || redemption.announcement().isBlank()
                ? locale.messages().defaultAnnouncement() : redemption.announcement();
        boolean open = redemption.state() == RedeemUseCase.State.OPEN;
        return new PageView(announcement, ClaimForm.blankToNull(redemption.confirmation()),
                open ? locale.format(redemption.expiresAt()) : null);
    }

    static DeliveryView delivery(String token, Redemption redemption, PageLocale locale) {
        Delivery delivery = redemption.delivery();
        return new DeliveryView(delivery.rewardName(), statusText(redemption, locale.messages()), delivery.code(),
                isFinal(redemption), delivery.claimedAt() == null ? null
                        : locale.messages().claimedOn(locale.format(delivery.claimedAt())),
                "/r/" + token + "/status");
    }

    /** Where the delivery stands, in a sentence for the user. */
    static String statusText(Redemption redemption, Msg msg) {
        Delivery delivery = redemption.delivery();
        if (delivery != null) {
            return switch (delivery.status()) {
                case PENDING -> msg.statusPending();
                case SUBMITTED -> msg.statusSubmitted();
                case FULFILLED -> msg.statusFulfilled();
                case FAILED -> msg.statusFailed();
                case CANCELLED -> msg.statusCancelled();
            };
        }
        return switch (redemption.status()) {
            case CLAIMED -> msg.statusPending();
            case FULFILLING -> msg.statusSubmitted();
            case FULFILLED -> msg.statusFulfilled();
            case FAILED -> msg.statusFailed();
            case EXPIRED -> msg.expiredTitle();
            case CANCELLED -> msg.cancelledTitle();
            case PENDING_REVIEW -> msg.reviewTitle();
            case EARNED -> redemption.state() == RedeemUseCase.State.NOT_YET_REDEEMABLE
                    ? msg.notYetTitle() : msg.chooseReward();
        };
    }

    /** Whether the status can still change (the page's script stops asking when it cannot). */
    static boolean isFinal(Redemption redemption) {
        if (redemption.delivery() != null && redemption.delivery().status().isFinal()) {
            return true;
        }
        AwardStatus status = redemption.status();
        return status == AwardStatus.FULFILLED || status == AwardStatus.FAILED || status == AwardStatus.EXPIRED
                || status == AwardStatus.CANCELLED;
    }
}
