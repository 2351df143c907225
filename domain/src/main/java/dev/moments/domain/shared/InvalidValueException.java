package dev.moments.domain.shared;

/** A value given to the model breaks one of its rules; names the offending field in the caller's terms. */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The dotted path of the offending field, e.g. {@code budget.costPerAction}. */
    public String field() {
        return field;
    }

    /** The same refusal for a field nested under {@code prefix}. */
    public InvalidValueException under(String prefix) {
        return new InvalidValueException(prefix + "." + field, getMessage());
    }

    @Override
    public String code() {
        return "invalid-value";
    }
}
