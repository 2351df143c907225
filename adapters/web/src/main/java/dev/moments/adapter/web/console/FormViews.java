package dev.moments.adapter.web.console;

import dev.moments.adapter.web.console.ConsoleViews.Choice;
import dev.moments.adapter.web.console.ConsoleViews.ErrorLink;
import dev.moments.adapter.web.console.ConsoleViews.Field;
import dev.moments.adapter.web.console.ConsoleViews.MomentFormView;
import dev.moments.application.port.in.MomentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The moment form as shown: each input with its label, hint, what was typed and the message about it. */
final class FormViews {

    private FormViews() {
    }

    static MomentFormView create(MomentForm.Input input, Map<String, String> errors, List<Choice> rewards,
                                 String currency) {
        return view("/console/moments", "New moment", "Create the moment", false, currency, input, errors, rewards,
                null);
    }

    static MomentFormView edit(MomentView current, MomentForm.Input input, Map<String, String> errors,
                               List<Choice> rewards, String notice) {
        String id = current.moment().id().value();
        return view("/console/moments/" + id + "/edit", "Edit " + current.moment().name(), "Save changes", true,
                current.budget().total().currency().getCurrencyCode(), input, errors, rewards, notice);
    }

    private static MomentFormView view(String action, String heading, String submit, boolean editing,
                                       String currency, MomentForm.Input input, Map<String, String> errors,
                                       List<Choice> rewards, String notice) {
        String firstError = MomentForm.FIELDS.stream().filter(errors::containsKey).findFirst().orElse(null);
        Fields f = new Fields(input, errors, firstError);
        List<ErrorLink> links = new ArrayList<>();
        for (String field : MomentForm.FIELDS) {
            if (errors.containsKey(field)) {
                links.add(new ErrorLink(id(field), errors.get(field)));
            }
        }
        String formNotice = notice;
        if (errors.containsKey("")) {
            formNotice = errors.get("");
        }
        List<Choice> kinds = MomentForm.KINDS.stream().map(k -> new Choice(k, switch (k) {
            case "event" -> "One event";
            case "count" -> "A number of events";
            case "sum" -> "A sum of an event property";
            default -> "Events on a number of days";
        }, k.equals(input.value("trigger.kind")))).toList();
        List<Choice> rewardChoices = rewards.stream()
                .map(c -> new Choice(c.value(), c.label(), input.rewards().contains(c.value()))).toList();
        Field where = f.text("trigger.where", "Condition (where, optional)",
                "A CEL expression over event and user, e.g. event.total >= 25.");
        if (where.error() != null) {
            where = new Field(where.name(), where.id(), where.label(), where.value(), where.error(), where.hint(),
                    MomentForm.pointer(where.value(), where.error()), where.type(), where.inputmode(), false,
                    where.focus());
        }
        Field revenueValue = f.text("outcomes.revenue.value", "Revenue value (CEL, optional)",
                "The revenue an event brings, e.g. event.total.");
        if (revenueValue.error() != null) {
            revenueValue = new Field(revenueValue.name(), revenueValue.id(), revenueValue.label(),
                    revenueValue.value(), revenueValue.error(), revenueValue.hint(),
                    MomentForm.pointer(revenueValue.value(), revenueValue.error()), "text", null, false,
                    revenueValue.focus());
        }
        Field total = f.decimal("budget.total", "Total budget (" + currency + ")",
                editing ? "Add money with a top-up on the moment's page." : "e.g. 1000.00");
        if (editing) {
            total = new Field(total.name(), total.id(), total.label(), total.value(), total.error(), total.hint(),
                    null, total.type(), total.inputmode(), true, false);
        }
        return new MomentFormView(action, heading, submit, editing, currency, links, formNotice,
                f.text("name", "Name", null),
                f.text("trigger.kind", "Trigger", null), kinds,
                f.text("trigger.event", "Event type", "e.g. order.completed"),
                where,
                f.decimal("trigger.atLeast", "At least", "How many events, the total to reach, or how many days."),
                f.text("trigger.within", "Within (optional)", "An ISO-8601 duration, e.g. P30D."),
                f.text("trigger.field", "Property to sum", "For a sum: the event property, e.g. total."),
                f.text("trigger.consecutive", "The days must follow each other", null),
                total,
                f.decimal("budget.costPerAction", "Price per action (" + currency + ")", "e.g. 10.00"),
                f.decimal("budget.dailyCap", "Daily cap (" + currency + ", optional)", null),
                f.text("rewards", "Rewards", "The rewards a user may choose from; each costs at most the price."),
                rewardChoices,
                f.number("holdoutPercent", "Holdout (% of users held out, 0–99)",
                        "Held-out users are never rewarded, so the report can measure the lift."),
                f.number("limits.perUser", "Awards per user", null),
                f.decimal("expectedValuePerAction", "Expected value per action (" + currency + ", optional)",
                        "What one incremental action is worth: the report flags a moment costing more."),
                f.text("outcomes.revenue.events", "Revenue events (optional)",
                        "Event types that bring revenue, separated by commas."),
                revenueValue,
                f.text("schedule.timezone", "Time zone", "An IANA name, e.g. Europe/Paris."),
                f.text("schedule.startsAt", "Starts at (optional)", "UTC, e.g. 2026-01-01T00:00:00Z; empty: now."),
                f.text("schedule.endsAt", "Ends at (optional)", null),
                f.text("messages.announcement", "Message to the user (optional)", null));
    }

    static String id(String field) {
        return "f-" + field.replace('.', '-');
    }

    /** Builds the fields of one rendering. */
    private record Fields(MomentForm.Input input, Map<String, String> errors, String firstError) {

        Field text(String name, String label, String hint) {
            return field(name, label, hint, null);
        }

        Field decimal(String name, String label, String hint) {
            return field(name, label, hint, "decimal");
        }

        Field number(String name, String label, String hint) {
            return field(name, label, hint, "numeric");
        }

        private Field field(String name, String label, String hint, String inputmode) {
            return new Field(name, id(name), label, input.value(name), errors.get(name), hint, null, "text",
                    inputmode, false, name.equals(firstError));
        }
    }
}
