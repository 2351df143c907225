package dev.moments.adapter.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the redemption page, in English; {@code messages/msg_fr.properties} translates them. Templates read
 * them as {@code {msg:key}}, the resource through {@link PageLocale#messages()}.
 */
@MessageBundle(locale = "en")
public interface Msg {

    @Message("en")
    String lang();

    @Message("Your reward")
    String title();

    @Message("You earned a reward!")
    String defaultAnnouncement();

    @Message("Skip to content")
    String skipToContent();

    @Message("Questions about your reward? Write to")
    String supportLead();

    // ---- the options form

    @Message("Choose your reward")
    String chooseReward();

    @Message("Pick one reward.")
    String chooseRewardHint();

    @Message("Claim by {when}.")
    String claimBy(String when);

    @Message("Not available in your country")
    String unavailableNotInCountry();

    @Message("No longer available")
    String unavailableOutOfCodes();

    @Message("Not available")
    String unavailable();

    @Message("Shipping address")
    String shippingLegend();

    @Message("Only needed for physical rewards, which we ship to you.")
    String shippingNote();

    @Message("Full name")
    String fieldName();

    @Message("Address line 1")
    String fieldLine1();

    @Message("Address line 2 (optional)")
    String fieldLine2();

    @Message("City")
    String fieldCity();

    @Message("State, province or region (optional)")
    String fieldRegion();

    @Message("Postal code")
    String fieldPostalCode();

    @Message("Country")
    String fieldCountry();

    @Message("Select a country")
    String selectCountry();

    @Message("Contact")
    String contactLegend();

    @Message("Email (optional)")
    String fieldEmail();

    @Message("Only to tell you about the delivery of this reward.")
    String emailHint();

    @Message("Claim my reward")
    String claim();

    // ---- errors in the form

    @Message("There is a problem")
    String errorSummaryTitle();

    @Message("Error:")
    String errorPrefix();

    @Message("Choose a reward.")
    String errorChooseReward();

    @Message("{field} is required.")
    String errorRequired(String field);

    @Message("Enter a valid postal code for {country}.")
    String errorPostalCode(String country);

    @Message("Select your country.")
    String errorCountry();

    @Message("Enter a valid email address, like name@example.com.")
    String errorEmail();

    @Message("{field} is not valid.")
    String errorInvalid(String field);

    @Message("This reward is no longer available. Please choose another one.")
    String errorOutOfCodes();

    @Message("This reward cannot be delivered to your country. Please choose another one.")
    String errorNotInCountry();

    // ---- the confirmation and its live status

    @Message("Thank you!")
    String doneTitle();

    @Message("You chose: {reward}")
    String youChose(String reward);

    @Message("Delivery status")
    String statusHeading();

    @Message("Your code")
    String yourCode();

    @Message("Copy the code")
    String copyCode();

    @Message("Copied")
    String copied();

    @Message("This page updates by itself.")
    String liveNote();

    @Message("We received your choice and are preparing your reward.")
    String statusPending();

    @Message("Your reward is on its way.")
    String statusSubmitted();

    @Message("Your reward has been delivered.")
    String statusFulfilled();

    @Message("We could not deliver your reward. Please contact the service that sent you this link.")
    String statusFailed();

    @Message("The delivery of your reward was cancelled.")
    String statusCancelled();

    @Message("Claimed on {when}.")
    String claimedOn(String when);

    // ---- the other states

    @Message("Already claimed")
    String claimedTitle();

    @Message("This reward has already been claimed.")
    String claimedLead();

    @Message("Being checked")
    String reviewTitle();

    @Message("Your reward is being checked. This link will work as soon as it has been approved; please come back"
            + " later.")
    String reviewLead();

    @Message("Not available yet")
    String notYetTitle();

    @Message("Your reward will be ready on {when}. Please come back then.")
    String notYetLead(String when);

    @Message("Your reward is not ready yet. Please come back later.")
    String notYetLeadNoDate();

    @Message("This link has expired")
    String expiredTitle();

    @Message("The time to claim this reward ended on {when}.")
    String expiredLead(String when);

    @Message("The time to claim this reward has ended.")
    String expiredLeadNoDate();

    @Message("This reward was withdrawn")
    String cancelledTitle();

    @Message("This reward is no longer offered. Please contact the service that sent you this link.")
    String cancelledLead();

    @Message("Link not found")
    String notFoundTitle();

    @Message("This link does not work. Please check that you opened the whole link you received.")
    String notFoundLead();

    @Message("Request blocked")
    String blockedTitle();

    @Message("For your safety this request was blocked because it did not come from this page. Please open your link again and retry.")
    String blockedLead();

    @Message("Busy for a moment")
    String busyTitle();

    @Message("We cannot reach your reward right now. Nothing was changed: please try again in a few seconds.")
    String busyLead();

    @Message("Something went wrong")
    String errorTitle();

    @Message("We could not load your reward just now. Please try again in a few minutes.")
    String errorLead();

    @Message("Times are shown in UTC.")
    String timesInUtc();
}
