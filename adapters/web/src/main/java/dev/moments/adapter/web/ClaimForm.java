package dev.moments.adapter.web;

import dev.moments.adapter.web.Views.CountryOption;
import dev.moments.adapter.web.Views.ErrorLink;
import dev.moments.adapter.web.Views.FieldView;
import dev.moments.adapter.web.Views.FormView;
import dev.moments.adapter.web.Views.OptionView;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Option;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.shared.InvalidValueException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The claim form of the redemption page: what it shows (the rewards, the shipping and e-mail fields, the errors in the
 * user's words) and the claim it describes once posted.
 */
final class ClaimForm {

    static final String ASSETS = "/r-assets/";

    private ClaimForm() {
    }

    /** A form ready for its template, and the origins of the images it shows. */
    record Rendered(FormView form, Set<String> imageOrigins) {
    }

    /**
     * The form for {@code redemption} as {@code input} filled it, with {@code errors} per field (the first one
     * focused) and an optional notice; with the origins of the reward images it shows, for the page's policy.
     */
    static Rendered view(Redemption redemption, PageLocale locale, Input input, Map<String, String> errors,
                         String notice) {
        Msg msg = locale.messages();
        String focus = errors.isEmpty() ? null : inputId(errors.keySet().iterator().next(), redemption);
        List<OptionView> options = new ArrayList<>();
        Set<String> imageOrigins = new LinkedHashSet<>();
        boolean anyPhysical = false;
        int index = 0;
        for (Option option : redemption.options()) {
            String inputId = "reward-" + index++;
            String image = safeImage(option.imageUrl());
            if (image != null) {
                imageOrigins.add(origin(image));
            }
            anyPhysical |= option.kind().needsShipping();
            // A reward without a picture gets the page's own, which is decorative (empty alt).
            options.add(new OptionView(option.rewardId().value(), inputId, option.name(), option.description(),
                    image == null ? ASSETS + "gift.svg" : image, image == null ? "" : option.name(),
                    option.kind().needsShipping(), option.available(), unavailableText(option, msg),
                    option.rewardId().value().equals(input.rewardId()), inputId.equals(focus)));
        }
        List<FieldView> shipping = List.of(
                field("shipping.name", msg.fieldName(), input.name(), "name", "text", null, errors, focus),
                field("shipping.line1", msg.fieldLine1(), input.line1(), "address-line1", "text", null, errors, focus),
                field("shipping.line2", msg.fieldLine2(), input.line2(), "address-line2", "text", null, errors, focus),
                field("shipping.city", msg.fieldCity(), input.city(), "address-level2", "text", null, errors, focus),
                field("shipping.region", msg.fieldRegion(), input.region(), "address-level1", "text", null, errors,
                        focus),
                field("shipping.postalCode", msg.fieldPostalCode(), input.postalCode(), "postal-code", "text", null,
                        errors, focus));
        FieldView country = field("shipping.country", msg.fieldCountry(), input.country(), "country", "select", null,
                errors, focus);
        List<CountryOption> countries = locale.countries().stream()
                .map(c -> new CountryOption(c.code(), c.name(), c.code().equalsIgnoreCase(input.country())))
                .toList();
        FieldView email = field("email", msg.fieldEmail(), input.email(), "email", "email", "email-hint", errors,
                focus);
        List<ErrorLink> summary = errors.entrySet().stream()
                .map(error -> new ErrorLink(inputId(error.getKey(), redemption), error.getValue()))
                .toList();
        FormView form = new FormView(options, errors.get("rewardId"), anyPhysical, shipping, country, countries,
                email, summary, notice);
        return new Rendered(form, imageOrigins);
    }

    private static FieldView field(String name, String label, String value, String autocomplete, String type,
                                   String hintId, Map<String, String> errors, String focus) {
        String id = name.replace('.', '-');
        return new FieldView(name, id, label, value == null ? "" : value, errors.get(name), autocomplete, type,
                hintId, id.equals(focus));
    }

    /** The id of the input a field path of the use case is about ({@code shipping.postalCode} → its input). */
    private static String inputId(String field, Redemption redemption) {
        if (field.equals("rewardId")) {
            for (int i = 0; i < redemption.options().size(); i++) {
                if (redemption.options().get(i).available()) {
                    return "reward-" + i;
                }
            }
            return "reward-0";
        }
        if (field.equals("shipping")) {
            return "shipping-name";
        }
        return field.replace('.', '-');
    }

    private static String unavailableText(Option option, Msg msg) {
        if (option.available()) {
            return null;
        }
        if ("NOT_IN_COUNTRY".equals(option.unavailableReason())) {
            return msg.unavailableNotInCountry();
        }
        if ("OUT_OF_CODES".equals(option.unavailableReason())) {
            return msg.unavailableOutOfCodes();
        }
        return msg.unavailable();
    }

    /** The claim the form describes, or {@code null} with the messages per field in {@code errors}. */
    static Claim claimOf(Redemption redemption, Input input, PageLocale locale, Map<String, String> errors) {
        Msg msg = locale.messages();
        Option chosen = redemption.options().stream()
                .filter(option -> option.rewardId().value().equals(input.rewardId()))
                .findFirst().orElse(null);
        if (chosen == null) {
            errors.put("rewardId", msg.errorChooseReward());
            return null;
        }
        ShippingAddress shipping = null;
        if (chosen.kind().needsShipping()) {
            // Every missing field at once (the domain stops at the first); the domain then checks the formats.
            Map<String, String> required = new LinkedHashMap<>();
            required.put("shipping.name", input.name());
            required.put("shipping.line1", input.line1());
            required.put("shipping.city", input.city());
            required.put("shipping.postalCode", input.postalCode());
            required.put("shipping.country", input.country());
            required.forEach((field, value) -> {
                if (value == null || value.isBlank()) {
                    errors.put(field, field.equals("shipping.country") ? msg.errorCountry()
                            : msg.errorRequired(label(field, msg)));
                }
            });
            if (!errors.isEmpty()) {
                return null;
            }
            try {
                shipping = new ShippingAddress(input.name(), input.line1(), input.line2(), input.city(),
                        input.region(), input.postalCode(), input.country());
            } catch (InvalidValueException invalid) {
                errors.put(invalid.field(), fieldMessage(invalid, input, locale));
                return null;
            }
        }
        return new Claim(chosen.rewardId(), shipping, blankToNull(input.email()));
    }

    /** The user's words for a refused value (the domain's message is for developers, and in English). */
    static String fieldMessage(InvalidValueException invalid, Input input, PageLocale locale) {
        Msg msg = locale.messages();
        String field = invalid.field() == null ? "" : invalid.field();
        return switch (field) {
            case "rewardId" -> msg.errorChooseReward();
            case "email" -> msg.errorEmail();
            case "shipping.country" -> msg.errorCountry();
            case "shipping.postalCode" -> input.postalCode() == null || input.postalCode().isBlank()
                    ? msg.errorRequired(msg.fieldPostalCode())
                    : msg.errorPostalCode(locale.countryName(upper(input.country())));
            default -> {
                String label = label(field, msg);
                yield label == null ? invalid.getMessage() : msg.errorInvalid(label);
            }
        };
    }

    private static String label(String field, Msg msg) {
        return switch (field) {
            case "shipping.name" -> msg.fieldName();
            case "shipping.line1" -> msg.fieldLine1();
            case "shipping.line2" -> msg.fieldLine2();
            case "shipping.city" -> msg.fieldCity();
            case "shipping.region" -> msg.fieldRegion();
            case "shipping.postalCode" -> msg.fieldPostalCode();
            case "shipping.country" -> msg.fieldCountry();
            case "email" -> msg.fieldEmail();
            default -> null;
        };
    }

    /** An image address the page may show: absolute http(s) with a plain host; anything else is left out. */
    private static String safeImage(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || !uri.getHost().matches("[A-Za-z0-9.-]+")) {
                return null;
            }
            return uri.toString();
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    /** {@code scheme://host[:port]} of an absolute address, for the page's content security policy. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }

    /** What the user typed, kept to fill the form again. */
    record Input(String rewardId, String name, String line1, String line2, String city, String region,
                 String postalCode, String country, String email) {

        /** An empty form, the user's country preselected, and the reward too when there is only one to pick. */
        static Input initial(PageLocale locale, Redemption redemption) {
            List<Option> options = redemption.options();
            String only = options.size() == 1 && options.get(0).available()
                    ? options.get(0).rewardId().value() : null;
            return new Input(only, null, null, null, null, null, null, locale.preferredCountry(), null);
        }

        Input withoutReward() {
            return new Input(null, name, line1, line2, city, region, postalCode, country, email);
        }
    }
}
