package dev.moments.domain.abuse;

import dev.moments.domain.event.EventContext;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Digests;
import dev.moments.domain.shared.EmailAddress;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a partner's blocklist: a user, a device, a client address or an e-mail address whose completions are
 * refused ({@code BLOCKED}). Users and devices are kept as the partner names them; a client address as the key
 * velocity limits count it by ({@link EventContext#ipKey}), an e-mail address as the SHA-256 of its lower-cased form:
 * neither address is kept itself.
 *
 * @param key what is blocked, as {@link Kind#keyOf} keeps it
 * @param reason why, as the partner wrote it, or {@code null}
 */
public record Block(BlockId id, PartnerId partnerId, Kind kind, String key, String reason, Instant createdAt) {

    /** The longest reason kept. */
    public static final int MAX_REASON_LENGTH = 500;

    /** The longest user or device id (as events take them). */
    public static final int MAX_ID_LENGTH = 200;

    public Block {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        reason = Text.prose("reason", reason, MAX_REASON_LENGTH);
    }

    /** What is blocked, with its key: what a completion is looked up by. */
    public Key asKey() {
        return new Key(kind, key);
    }

    /** Whether {@link #key} shows what was blocked (a user or a device) or only its digest (an address). */
    public boolean keyIsDigest() {
        return kind == Kind.IP || kind == Kind.EMAIL;
    }

    /** A kind and a key: one thing a completion may be blocked by. */
    public record Key(Kind kind, String key) {

        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
        }
    }

    /** What an entry blocks. */
    public enum Kind {
        /** A user id of the partner. */
        USER,
        /** A device id of the partner. */
        DEVICE,
        /** A client address (an event's {@code context.ip}). */
        IP,
        /** An e-mail address (the user attribute {@code email}). */
        EMAIL;

        /** The kind as the API names it ({@code user}, {@code device}, {@code ip}, {@code email}). */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind the API names so, or a refusal on {@code field}. */
        public static Kind fromApi(String field, String name) {
            for (Kind kind : values()) {
                if (kind.apiName().equals(name)) {
                    return kind;
                }
            }
            throw new InvalidValueException(field, "kind is one of user, device, ip, email");
        }

        /**
         * The key {@code value} is kept and looked up by, or a refusal on {@code field}: a user or device id as
         * given (at most 200 characters), an address's digest.
         */
        public String keyOf(String field, String value) {
            return switch (this) {
                case USER, DEVICE -> Text.id(field, value, MAX_ID_LENGTH);
                case IP -> {
                    Text.id(field, value, EventContext.MAX_IP_LENGTH);
                    try {
                        yield new EventContext(null, null, value, false).ipKey();
                    } catch (InvalidValueException notAnAddress) {
                        throw new InvalidValueException(field, "an IPv4 or IPv6 address such as 203.0.113.7");
                    }
                }
                case EMAIL -> emailKey(EmailAddress.optional(field, Text.id(field, value, EmailAddress.MAX_LENGTH)));
            };
        }
    }

    /** The key an e-mail address is blocked by: the SHA-256 of its lower-cased form, or {@code null} for none. */
    public static String emailKey(String address) {
        return address == null ? null : Digests.sha256Hex(address.strip().toLowerCase(Locale.ROOT));
    }
}
