package dev.moments.adapter.web;

import java.util.List;

/** What the templates show: small values computed by {@link RedemptionPage}, so the templates hold no logic. */
final class Views {

    private Views() {
    }

    /**
     * What every redemption page shows about the moment.
     *
     * @param announcement the partner's message (or the default one)
     * @param confirmation the partner's message after a claim, or {@code null}
     * @param claimBy until when the link works, for humans, or {@code null}
     */
    record PageView(String announcement, String confirmation, String claimBy) {
    }

    /**
     * The partner's branding on a page.
     *
     * @param logoUrl the logo's https address, or {@code null}
     * @param supportEmail where users write for help, or {@code null}
     * @param style the page's colour as CSS custom properties (for a {@code <style>} element), or {@code null}
     * @param styleHash {@code 'sha256-…'} of {@code style}, which the page's policy allows, or {@code null}
     * @param logoOrigin the origin of the logo, which the page's policy allows, or {@code null}
     */
    record BrandView(String displayName, String logoUrl, String supportEmail, String style, String styleHash,
                     String logoOrigin) {
    }

    /** One reward to pick, as a radio button; {@code imageAlt} is the reward's name, or empty for the placeholder. */
    record OptionView(String id, String inputId, String name, String description, String imageUrl, String imageAlt,
                      boolean physical,
                      boolean available, String unavailableText, boolean checked, boolean focus) {
    }

    /**
     * One input of the form with what the user typed and the message about it.
     *
     * @param error the message next to the field, or {@code null}
     * @param hintId the id of a hint the input is described by, or {@code null}
     * @param focus whether this is the first invalid field (it gets {@code autofocus})
     */
    record FieldView(String name, String id, String label, String value, String error, String autocomplete,
                     String type, String hintId, boolean focus) {

        /** The ids for {@code aria-describedby}: the error first, then the hint; empty when none. */
        public String describedBy() {
            String errorId = error == null ? null : id + "-error";
            if (errorId != null && hintId != null) {
                return errorId + " " + hintId;
            }
            return errorId != null ? errorId : hintId == null ? "" : hintId;
        }
    }

    /** A country in the shipping form's list. */
    record CountryOption(String code, String name, boolean selected) {
    }

    /** One line of the error summary, linking to the field. */
    record ErrorLink(String target, String message) {
    }

    /**
     * The options form.
     *
     * @param rewardError the message about the choice of reward, or {@code null}
     * @param notice a message above the form not tied to one field (a reward that just became unavailable), or
     *               {@code null}
     * @param anyPhysical whether some option needs a shipping address (otherwise there is no address to ask for)
     */
    record FormView(List<OptionView> options, String rewardError, boolean anyPhysical, List<FieldView> shipping,
                    FieldView country, List<CountryOption> countries, FieldView email, List<ErrorLink> errors,
                    String notice) {
    }

    /**
     * A claimed reward's delivery.
     *
     * @param statusText where the delivery stands, for humans
     * @param code the code to redeem, or {@code null}
     * @param done whether the status is final (no need to ask again)
     * @param statusUrl where the page's script asks for the status
     */
    record DeliveryView(String rewardName, String statusText, String code, boolean done, String claimedOn,
                        String statusUrl) {
    }
}
