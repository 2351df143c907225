package dev.moments.application.service;

import dev.moments.application.port.Relay;
import dev.moments.application.port.out.AwardEmails;
import dev.moments.application.port.out.AwardEmails.NewEmail;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.EmailSender;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.EmailAddress;
import dev.moments.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The e-mail relay's sink: each {@code award.earned} becomes one e-mail to write when its moment has
 * {@code messages.email}, its user an {@code email} attribute that is an address, and the event that completed it did
 * not say {@code "notify": { "email": false }}; written in the relay's transaction, at most once per award however
 * often the relay offers the event. Sending is left to {@link EmailDispatchService}. With sending not configured,
 * the events pass and nothing is written.
 */
public final class EmailFanOut implements OutboxSink {

    /** The user attribute holding the address. */
    static final String EMAIL_ATTRIBUTE = "email";

    private final AwardEmails emails;
    private final EmailSender sender;
    private final MomentRepository moments;
    private final UserProfileRepository profiles;

    public EmailFanOut(AwardEmails emails, EmailSender sender, MomentRepository moments,
                       UserProfileRepository profiles) {
        this.emails = emails;
        this.sender = sender;
        this.moments = moments;
        this.profiles = profiles;
    }

    @Override
    public Relay relay() {
        return Relay.EMAIL;
    }

    /** The e-mails are kept and sent later; the dispatch adds each award's link when it sends. */
    @Override
    public boolean keepsEvents() {
        return true;
    }

    @Override
    public void accept(List<OutboxEvent> events) {
        if (!sender.enabled()) {
            return;
        }
        List<OutboxEvent> earned = events.stream().filter(EmailFanOut::mayBeEmailed).toList();
        if (earned.isEmpty()) {
            return;
        }
        Map<PartnerId, Set<String>> usersByPartner = new LinkedHashMap<>();
        Map<MomentKey, Optional<Moment>> withEmail = new HashMap<>();
        for (OutboxEvent event : earned) {
            MomentKey key = new MomentKey(event.partnerId(), new MomentId((String) event.data().get("momentId")));
            Optional<Moment> moment = withEmail.computeIfAbsent(key, k -> moments.find(k.partnerId(), k.momentId())
                    .filter(found -> found.messages().email() != null));
            if (moment.isPresent()) {
                usersByPartner.computeIfAbsent(event.partnerId(), p -> new LinkedHashSet<>())
                        .add((String) event.data().get("userId"));
            }
        }
        Map<PartnerId, Map<String, Map<String, Object>>> attributes = new HashMap<>();
        usersByPartner.forEach((partner, users) -> attributes.put(partner, profiles.findAll(partner, users)));
        List<NewEmail> written = new ArrayList<>();
        for (OutboxEvent event : earned) {
            MomentId momentId = new MomentId((String) event.data().get("momentId"));
            if (withEmail.get(new MomentKey(event.partnerId(), momentId)).isEmpty()) {
                continue;
            }
            Map<String, Object> user = attributes.getOrDefault(event.partnerId(), Map.of())
                    .getOrDefault((String) event.data().get("userId"), Map.of());
            addressOf(user).ifPresent(address -> written.add(new NewEmail(new AwardId(event.awardId()),
                    event.partnerId(), momentId, address, event.createdAt())));
        }
        if (!written.isEmpty()) {
            emails.insertAll(written);
        }
    }

    private static boolean mayBeEmailed(OutboxEvent event) {
        return event.type().equals("award.earned") && event.awardId() != null
                && !(event.data().get("notify") instanceof Map<?, ?> notify
                && Boolean.FALSE.equals(notify.get("email")));
    }

    /** The user's address, when the attribute holds one (anything else is not an address to write to). */
    static Optional<String> addressOf(Map<String, Object> user) {
        if (!(user.get(EMAIL_ATTRIBUTE) instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(EmailAddress.optional(EMAIL_ATTRIBUTE, text));
        } catch (InvalidValueException notAnAddress) {
            return Optional.empty();
        }
    }

    private record MomentKey(PartnerId partnerId, MomentId momentId) {
    }
}
