package dev.moments.adapter.web.console;

import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's moment form: what the partner typed ({@link Input}, kept as typed so a refused form shows it again),
 * the {@link CreateMomentCommand} it makes, and where each refusal goes — every field is named as in the API
 * ({@code budget.total}, {@code trigger.where}, …), so a domain refusal's {@link InvalidValueException#field()} names
 * the input it is shown next to.
 */
public final class MomentForm {

    /** The trigger kinds the form offers. */
    public static final List<String> KINDS = List.of("event", "count", "sum", "days");

    /** The inputs of the form, by the API's field names. */
    public static final List<String> FIELDS = List.of("name", "trigger.kind", "trigger.event", "trigger.where",
            "trigger.atLeast", "trigger.within", "trigger.field", "trigger.consecutive", "budget.total",
            "budget.costPerAction", "budget.dailyCap", "rewards", "holdoutPercent", "limits.perUser",
            "expectedValuePerAction", "outcomes.revenue.events", "outcomes.revenue.value", "schedule.timezone",
            "schedule.startsAt", "schedule.endsAt", "messages.announcement");

    private static final Pattern POSITION = Pattern.compile("\\(at position (\\d+)\\)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private MomentForm() {
    }

    /** The form as typed: every value a string (blank when empty), the rewards as the ids ticked. */
    public record Input(Map<String, String> values, List<String> rewards) {

        public Input {
            values = Map.copyOf(values);
            rewards = List.copyOf(rewards);
        }

        /** The form as posted; unknown fields are ignored, values trimmed and cut at 10 000 characters. */
        public static Input of(Map<String, List<String>> form) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : FIELDS) {
                List<String> given = form.get(field);
                String value = given == null || given.isEmpty() || given.get(0) == null ? "" : given.get(0).strip();
                values.put(field, value.length() > 10_000 ? value.substring(0, 10_000) : value);
            }
            List<String> rewards = new ArrayList<>();
            List<String> ticked = form.get("rewards");
            if (ticked != null) {
                ticked.stream().filter(r -> r != null && !r.isBlank() && r.length() <= 200).distinct()
                        .forEach(rewards::add);
            }
            return new Input(values, rewards);
        }

        /** A new moment's form: an event trigger, no holdout, one award per user, UTC. */
        public static Input blank() {
            Map<String, String> values = new LinkedHashMap<>();
            FIELDS.forEach(f -> values.put(f, ""));
            values.put("trigger.kind", "event");
            values.put("holdoutPercent", "0");
            values.put("limits.perUser", "1");
            values.put("schedule.timezone", "UTC");
            return new Input(values, List.of());
        }

        /** The form of an existing moment, as it stands. */
        public static Input of(MomentView view) {
            Moment moment = view.moment();
            Map<String, String> values = new LinkedHashMap<>();
            FIELDS.forEach(f -> values.put(f, ""));
            values.put("name", moment.name());
            Trigger trigger = moment.trigger();
            values.put("trigger.kind", trigger.kind());
            Match match = match(trigger);
            if (match != null) {
                values.put("trigger.event", match.event());
                values.put("trigger.where", match.where() == null ? "" : match.where());
            }
            if (trigger instanceof CountTrigger count) {
                values.put("trigger.atLeast", Long.toString(count.atLeast()));
                values.put("trigger.within", text(count.within()));
            } else if (trigger instanceof SumTrigger sum) {
                values.put("trigger.atLeast", sum.atLeast().toPlainString());
                values.put("trigger.within", text(sum.within()));
                values.put("trigger.field", sum.field());
            } else if (trigger instanceof DaysTrigger days) {
                values.put("trigger.atLeast", Long.toString(days.atLeast()));
                values.put("trigger.within", text(days.within()));
                values.put("trigger.consecutive", days.consecutive() ? "on" : "");
            }
            values.put("budget.total", view.budget().total().toDecimalString());
            values.put("budget.costPerAction", view.budget().costPerAction().toDecimalString());
            values.put("budget.dailyCap", view.budget().dailyCap() == null ? ""
                    : view.budget().dailyCap().toDecimalString());
            values.put("holdoutPercent", Integer.toString(moment.holdoutPercent()));
            values.put("limits.perUser", Integer.toString(moment.limits().perUser()));
            values.put("expectedValuePerAction", moment.expectedValuePerAction() == null ? ""
                    : moment.expectedValuePerAction().toDecimalString());
            if (moment.outcomes().followsRevenue()) {
                values.put("outcomes.revenue.events",
                        String.join(", ", moment.outcomes().revenue().events().stream().sorted().toList()));
                values.put("outcomes.revenue.value", moment.outcomes().revenue().value());
            }
            values.put("schedule.timezone", moment.schedule().timezone().getId());
            values.put("schedule.startsAt", moment.schedule().startsAt().toString());
            values.put("schedule.endsAt", moment.schedule().endsAt() == null ? "" : moment.schedule().endsAt().toString());
            values.put("messages.announcement", moment.messages().announcement() == null ? ""
                    : moment.messages().announcement());
            return new Input(values, moment.rewards().stream().map(r -> r.value()).toList());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        private String optional(String field) {
            String value = value(field);
            return value.isEmpty() ? null : value;
        }
    }

    /**
     * The command the form makes, or {@code null} with the reasons in {@code errors} (by field) when what was typed
     * cannot even be read (a number that is not one, a duration that is not ISO-8601) or the domain refuses a part.
     *
     * @param current the moment being edited, whose parts the form does not show (audience, other limits, the
     *                confirmation message) are kept; {@code null} for a new moment
     */
    public static CreateMomentCommand command(PartnerId partner, String currency, Input input, MomentView current,
                                              Map<String, String> errors) {
        try {
            Trigger trigger = trigger(input, errors);
            Integer holdout = integer(input, "holdoutPercent", errors);
            Integer perUser = integer(input, "limits.perUser", errors);
            Instant startsAt = instant(input, "schedule.startsAt", errors);
            Instant endsAt = instant(input, "schedule.endsAt", errors);
            ZoneId zone = zone(input, errors);
            if (!errors.isEmpty()) {
                return null;
            }
            Moment before = current == null ? null : current.moment();
            Limits limits = limits(perUser, before);
            // the form edits the announcement; the confirmation and the e-mail stay as the API set them
            Messages messages = new Messages(input.optional("messages.announcement"),
                    before == null ? null : before.messages().confirmation(),
                    before == null ? null : before.messages().email());
            String total = current == null ? input.optional("budget.total")
                    : current.budget().total().toDecimalString();
            CreateMomentCommand.BudgetSpec budget = new CreateMomentCommand.BudgetSpec(currency, total,
                    input.optional("budget.dailyCap"), input.optional("budget.costPerAction"));
            // the variants stay as the API set them, as the audience does
            return new CreateMomentCommand(partner, input.value("name"), trigger,
                    before == null ? null : before.audience(), startsAt,
                    endsAt, zone, budget, input.rewards(), limits, holdout, messages, outcomes(input),
                    input.optional("expectedValuePerAction"), before == null ? null : variants(before));
        } catch (InvalidValueException refused) {
            errors.put(inputOf(refused.field()), refused.getMessage());
            return null;
        }
    }

    /** A moment's variants as a definition states them: the price and rewards each sets, if it sets them. */
    private static List<CreateMomentCommand.VariantSpec> variants(Moment moment) {
        return moment.variants().stream().map(variant -> new CreateMomentCommand.VariantSpec(variant.name(),
                variant.weight(), variant.costPerAction() == null ? null : variant.costPerAction().toDecimalString(),
                variant.rewards().stream().map(RewardId::value).toList())).toList();
    }

    /**
     * The input a refusal is shown next to: the field itself when the form has it, the closest one otherwise
     * ({@code rewards[2]} → {@code rewards}, {@code budget} → {@code budget.total}), or {@code ""} for the form as a
     * whole (e.g. {@code budget.currency}).
     */
    public static String inputOf(String field) {
        if (field == null) {
            return "";
        }
        String plain = INDEX.matcher(field).replaceAll("");
        if (FIELDS.contains(plain)) {
            return plain;
        }
        return switch (plain) {
            case "budget" -> "budget.total";
            case "trigger", "kind" -> "trigger.kind";
            case "event" -> "trigger.event";
            case "where" -> "trigger.where";
            case "atLeast" -> "trigger.atLeast";
            case "within" -> "trigger.within";
            case "schedule" -> "schedule.startsAt";
            case "outcomes", "outcomes.revenue" -> "outcomes.revenue.events";
            case "limits" -> "limits.perUser";
            case "messages" -> "messages.announcement";
            default -> "";
        };
    }

    /**
     * The expression with a caret under the error's position, from a message saying "(at position N)", for a
     * monospace block; {@code null} when the message names no position or it lies outside the expression.
     */
    public static String pointer(String expression, String message) {
        if (expression == null || message == null) {
            return null;
        }
        Matcher at = POSITION.matcher(message);
        if (!at.find()) {
            return null;
        }
        int position = Integer.parseInt(at.group(1));
        if (position < 0 || position > expression.length() || expression.contains("\n")) {
            return null;
        }
        return expression + "\n" + " ".repeat(position) + "^";
    }

    private static Trigger trigger(Input input, Map<String, String> errors) {
        String kind = input.value("trigger.kind");
        if (!KINDS.contains(kind)) {
            errors.put("trigger.kind", "Choose one of " + String.join(", ", KINDS) + ".");
            return null;
        }
        Duration within = duration(input, "trigger.within", errors);
        String event = input.value("trigger.event");
        String where = input.optional("trigger.where");
        try {
            return switch (kind) {
                case "event" -> new EventTrigger(event, where);
                case "count" -> {
                    Long atLeast = whole(input, "trigger.atLeast", errors);
                    yield atLeast == null || !errors.isEmpty() ? null
                            : new CountTrigger(new Match(event, where), atLeast, within);
                }
                case "sum" -> {
                    BigDecimal atLeast = decimal(input, "trigger.atLeast", errors);
                    yield atLeast == null || !errors.isEmpty() ? null
                            : new SumTrigger(new Match(event, where), input.value("trigger.field"), atLeast, within);
                }
                default -> {
                    Long atLeast = whole(input, "trigger.atLeast", errors);
                    yield atLeast == null || !errors.isEmpty() ? null : new DaysTrigger(new Match(event, where),
                            atLeast, "on".equals(input.value("trigger.consecutive")), within);
                }
            };
        } catch (InvalidValueException refused) {
            String field = refused.field().startsWith("trigger.") ? refused.field() : "trigger." + refused.field();
            errors.put(inputOf(field), refused.getMessage());
            return null;
        }
    }

    private static Limits limits(Integer perUser, Moment before) {
        Limits kept = before == null ? Limits.defaults() : before.limits();
        return new Limits(perUser == null ? kept.perUser() : perUser, kept.perDevice(), kept.cooldown(),
                kept.redeemAfter(), kept.claimWithin(), kept.perIp(), kept.minAccountAge(), kept.review());
    }

    private static Outcomes outcomes(Input input) {
        String events = input.value("outcomes.revenue.events");
        String value = input.value("outcomes.revenue.value");
        if (events.isEmpty() && value.isEmpty()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : events.split("[,\\s]+")) {
            if (!type.isBlank()) {
                types.add(type.strip());
            }
        }
        return new Outcomes(new Outcomes.Revenue(types, value));
    }

    private static Integer integer(Input input, String field, Map<String, String> errors) {
        String value = input.value(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number, like 10.");
            return null;
        }
    }

    private static Long whole(Input input, String field, Map<String, String> errors) {
        String value = input.value(field);
        if (value.isEmpty()) {
            errors.put(field, "Enter how many, a whole number like 3.");
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number, like 3.");
            return null;
        }
    }

    private static BigDecimal decimal(Input input, String field, Map<String, String> errors) {
        String value = input.value(field);
        if (value.isEmpty()) {
            errors.put(field, "Enter the total to reach, a number like 100.");
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a number, like 100 or 99.50.");
            return null;
        }
    }

    private static Duration duration(Input input, String field, Map<String, String> errors) {
        String value = input.value(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter an ISO-8601 duration, like P7D (7 days) or PT12H (12 hours).");
            return null;
        }
    }

    private static Instant instant(Input input, String field, Map<String, String> errors) {
        String value = input.value(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a UTC time like 2026-01-01T00:00:00Z.");
            return null;
        }
    }

    private static ZoneId zone(Input input, Map<String, String> errors) {
        String value = input.value("schedule.timezone");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            errors.put("schedule.timezone", "Unknown time zone; use an IANA name such as America/New_York.");
            return null;
        }
    }

    private static Match match(Trigger trigger) {
        if (trigger instanceof EventTrigger event) {
            return event.match();
        }
        if (trigger instanceof CountTrigger count) {
            return count.match();
        }
        if (trigger instanceof SumTrigger sum) {
            return sum.match();
        }
        if (trigger instanceof DaysTrigger days) {
            return days.match();
        }
        return null;
    }

    private static String text(Duration duration) {
        return duration == null ? "" : duration.toString();
    }

    /** A one-line description of a trigger, for lists. */
    static String describe(Trigger trigger) {
        if (trigger instanceof ReferralTrigger referral) {
            return "referral: a referred user's " + describe(referral.of()) + within(referral.within())
                    + (referral.rewardReferee() ? ", both rewarded" : "");
        }
        Match match = match(trigger);
        String on = match == null ? "" : " " + match.event() + (match.where() == null ? "" : " where " + match.where());
        if (trigger instanceof CountTrigger count) {
            return "at least " + count.atLeast() + " ×" + on + within(count.within());
        }
        if (trigger instanceof SumTrigger sum) {
            return "sum of " + sum.field() + " ≥ " + sum.atLeast().toPlainString() + " over" + on + within(sum.within());
        }
        if (trigger instanceof DaysTrigger days) {
            return days.atLeast() + (days.consecutive() ? " consecutive" : "") + " days of" + on + within(days.within());
        }
        return trigger.kind() + on;
    }

    private static String within(Duration within) {
        return within == null ? "" : " within " + within;
    }
}
