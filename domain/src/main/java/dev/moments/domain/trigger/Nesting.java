package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code all} and {@code any} share: their rules on sub-triggers, their event types and their expressions. */
final class Nesting {

    private Nesting() {
    }

    /**
     * The sub-triggers of an {@code all} or {@code any}, checked: 1 to 20, none direct or referral, nested at most 4
     * deep, at most 50 event conditions in all.
     */
    static List<Trigger> parts(List<Trigger> of, String kind) {
        if (of == null || of.isEmpty()) {
            throw new InvalidValueException("of", kind + " needs at least one sub-trigger");
        }
        if (of.size() > Trigger.MAX_PARTS) {
            throw new InvalidValueException("of", kind + " has at most " + Trigger.MAX_PARTS + " sub-triggers");
        }
        for (int i = 0; i < of.size(); i++) {
            if (of.get(i) == null) {
                throw new InvalidValueException("of[" + i + "]", "a sub-trigger is required");
            }
            if (of.get(i) instanceof DirectTrigger || of.get(i) instanceof ReferralTrigger) {
                throw new InvalidValueException("of[" + i + "].kind", of.get(i).kind() + " cannot be combined");
            }
        }
        List<Trigger> parts = List.copyOf(of);
        if (depth(parts) > Trigger.MAX_DEPTH) {
            throw new InvalidValueException("of", "all/any nest at most " + Trigger.MAX_DEPTH + " levels deep");
        }
        int conditions = parts.stream().mapToInt(Nesting::conditions).sum();
        if (conditions > Trigger.MAX_CONDITIONS) {
            throw new InvalidValueException("of", "a trigger holds at most " + Trigger.MAX_CONDITIONS
                    + " event conditions (leaves and sequence steps) in all, got " + conditions);
        }
        return parts;
    }

    static Set<String> eventTypes(List<Trigger> of) {
        Set<String> types = new LinkedHashSet<>();
        of.forEach(trigger -> types.addAll(trigger.eventTypes()));
        return types;
    }

    static void collectExpressions(List<Trigger> of, String path, Map<String, String> into) {
        for (int i = 0; i < of.size(); i++) {
            of.get(i).collectExpressions(path + ".of[" + i + "]", into);
        }
    }

    /** How many event conditions the trigger holds: one per leaf, one per step of a sequence. */
    private static int conditions(Trigger trigger) {
        if (trigger instanceof AllTrigger all) {
            return all.of().stream().mapToInt(Nesting::conditions).sum();
        }
        if (trigger instanceof AnyTrigger any) {
            return any.of().stream().mapToInt(Nesting::conditions).sum();
        }
        if (trigger instanceof SequenceTrigger sequence) {
            return sequence.steps().size();
        }
        return 1;
    }

    private static int depth(List<Trigger> children) {
        int deepest = 0;
        for (Trigger child : children) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static int depth(Trigger trigger) {
        if (trigger instanceof AllTrigger all) {
            return depth(all.of());
        }
        if (trigger instanceof AnyTrigger any) {
            return depth(any.of());
        }
        return 0;
    }
}
