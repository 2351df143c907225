package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The award e-mail end to end against a real SMTP server (GreenMail, from Maven Central) and PostgreSQL: the service
 * sends to {@value #GATE_PORT}, a gate that can refuse connections with an SMTP reply, in front of GreenMail on
 * {@value #SMTP_PORT} (the test profile's {@code quarkus.mailer.*}).
 */
@QuarkusTest
class EmailTest {

    static final int SMTP_PORT = 25125;
    static final int GATE_PORT = 25126;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static GreenMail smtp;
    private static TcpProxy gate;

    @BeforeAll
    static void startTheMailServer() throws IOException {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        gate = new TcpProxy(GATE_PORT, SMTP_PORT);
        gate.open();
    }

    @AfterAll
    static void stopTheMailServer() throws IOException {
        gate.close();
        smtp.stop();
    }

    @BeforeEach
    void emptyTheMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        gate.refuseNext(0, "");
    }

    @Test
    void anAward_isEmailedOnce_withTextAndHtmlParts_theLinkAndTheExpiry() throws Exception {
        Api acme = Api.newPartner();
        String moment = emailedMoment(acme);
        String user = "u-" + UUID.randomUUID();
        String address = "jane." + UUID.randomUUID() + "@example.com";

        JsonPath answer = event(acme, user, Map.of("email", address, "plan", "free"), null);
        String awardId = answer.getString("awards[0].id");
        String redeemUrl = answer.getString("awards[0].redeemUrl");
        Instant expiresAt = Instant.parse(answer.getString("awards[0].expiresAt"));

        MimeMessage mail = theOnlyMailTo(address);
        assertThat(mail.getSubject()).isEqualTo("You earned: $5 store credit or sticker pack");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Acme Rewards <rewards@moments.test>");
        assertThat(mail.getHeader("Message-ID")[0])
                .isEqualTo("<" + awardId + ".award-email@" + java.net.URI.create(redeemUrl).getHost() + ">");
        String expiry = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.ENGLISH)
                .withZone(ZoneId.of("America/New_York")).format(expiresAt);
        assertThat(text(mail)).contains("Hi! Pick your reward: " + redeemUrl, "Claim it by " + expiry + ".");
        assertThat(html(mail)).contains("<a href=\"" + redeemUrl + "\">" + redeemUrl + "</a>",
                "Claim it by " + expiry + ".");
        assertThat(email(awardId)).containsEntry("status", "SENT").containsEntry("attempts", 1);

        // the relay offers the event again (as after a crash before its mark) and the dispatcher keeps running:
        // the e-mail was written once and sent once
        int offeredAgain = TestDatabase.update("update moments_test.outbox set emails_at = null where type ="
                + " 'award.earned' and data->>'id' = '" + awardId + "'");
        assertThat(offeredAgain).isEqualTo(1);
        waitFor(() -> assertThat(TestDatabase.number("select count(*) from moments_test.outbox"
                + " where emails_at is null and data->>'id' = '" + awardId + "'")).isZero());
        Thread.sleep(1_000);
        assertThat(mailsTo(address)).hasSize(1);
        assertThat(TestDatabase.number("select count(*) from moments_test.award_emails where award_id = '"
                + awardId + "'")).isEqualTo(1);
    }

    @Test
    void notifyEmailFalse_aUserWithoutAnAddress_andAMomentWithoutAnEmail_sendNothing() throws Exception {
        Api acme = Api.newPartner();
        String moment = emailedMoment(acme);
        String quiet = "quiet." + UUID.randomUUID() + "@example.com";
        String loud = "loud." + UUID.randomUUID() + "@example.com";

        JsonPath suppressed = event(acme, "u-" + UUID.randomUUID(), Map.of("email", quiet),
                Map.of("email", false));
        JsonPath noAddress = event(acme, "u-" + UUID.randomUUID(), Map.of("plan", "free"), null);
        JsonPath notAnAddress = event(acme, "u-" + UUID.randomUUID(), Map.of("email", "not an address"), null);
        Api plain = Api.newPartner();
        plain.launchedSpendMoment("100.00", "10.00");
        plain.request().body(Map.of("id", "evt-" + UUID.randomUUID(), "type", "order.completed",
                        "userId", "u-plain", "properties", Map.of("total", 30), "user", Map.of("email", quiet)))
                .post("/v1/events").then().statusCode(200).body("awards.size()", org.hamcrest.Matchers.is(1));
        // one that is e-mailed, after the others: once it has arrived, the others had their turn
        event(acme, "u-" + UUID.randomUUID(), Map.of("email", loud), Map.of("email", true));

        theOnlyMailTo(loud);
        assertThat(mailsTo(quiet)).isEmpty();
        for (JsonPath awarded : List.of(suppressed, noAddress, notAnAddress)) {
            assertThat(awarded.getList("awards")).hasSize(1);
            assertThat(TestDatabase.number("select count(*) from moments_test.award_emails where award_id = '"
                    + awarded.getString("awards[0].id") + "'")).isZero();
        }
        String earned = TestDatabase.query("select data from moments_test.outbox where data->>'id' = '"
                + suppressed.getString("awards[0].id") + "' and type = 'award.earned'",
                rows -> rows.next() ? rows.getString(1) : null);
        assertThat(earned)
                .as("award.earned says the e-mail was declined").contains("\"notify\": {\"email\": false}");
    }

    @Test
    void aServerThatRefusesTheFirstAttempts_getsTheEmailOnce_whenItTakesIt() throws Exception {
        Api acme = Api.newPartner();
        emailedMoment(acme);
        String address = "patient." + UUID.randomUUID() + "@example.com";
        gate.refuseNext(2, "421 4.3.2 Service not available, closing transmission channel\r\n");

        String awardId = event(acme, "u-" + UUID.randomUUID(), Map.of("email", address), null)
                .getString("awards[0].id");

        theOnlyMailTo(address);
        Map<String, Object> email = email(awardId);
        assertThat(email).containsEntry("status", "SENT").containsEntry("attempts", 3);
        assertThat((String) email.get("last_error")).isNull();
        Thread.sleep(1_000);
        assertThat(mailsTo(address)).hasSize(1);
    }

    @Test
    void anAwardClaimedBeforeItsEmailCouldLeave_isNotEmailed() throws Exception {
        Api acme = Api.newPartner();
        emailedMoment(acme);
        String address = "quick." + UUID.randomUUID() + "@example.com";
        gate.refuseNext(1_000, "421 4.3.2 Try again later\r\n");

        JsonPath answer = event(acme, "u-" + UUID.randomUUID(), Map.of("email", address), null);
        String awardId = answer.getString("awards[0].id");
        waitFor(() -> assertThat(email(awardId).get("attempts")).isNotEqualTo(0));
        String token = answer.getString("awards[0].redeemUrl").replaceAll(".*/r/", "");
        String reward = Claims.preview(token).extract().path("rewards[0].id");
        Claims.claim(token, reward).statusCode(200);
        gate.refuseNext(0, "");

        waitFor(() -> assertThat(email(awardId)).containsEntry("status", "SKIPPED"));
        assertThat(mailsTo(address)).isEmpty();
    }

    // ---- helpers

    /** A launched moment paying for one order.completed, with messages.email; two rewards to pick from. */
    private static String emailedMoment(Api partner) {
        String credit = partner.request().body(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                "currency", "USD", "fulfillment", Map.of("provider", "sandbox"))).post("/v1/rewards")
                .then().statusCode(201).extract().path("id");
        String stickers = partner.request().body(Map.of("name", "sticker pack", "kind", "CREDIT", "cost", "1.00",
                "currency", "USD", "fulfillment", Map.of("provider", "sandbox"))).post("/v1/rewards")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Second order");
        body.put("trigger", Map.of("kind", "event", "event", "order.completed"));
        body.put("schedule", Api.schedule("America/New_York"));
        body.put("budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "10.00"));
        body.put("rewards", List.of(credit, stickers));
        body.put("limits", Map.of("claimWithin", "P30D"));
        body.put("messages", Map.of("announcement", "You earned a reward!", "email", Map.of(
                "subject", "You earned: {{reward}}",
                "body", "Hi! Pick your reward: {{redeemUrl}}\n\nClaim it by {{expiresAt}}.")));
        String moment = partner.request().body(body).post("/v1/moments").then().statusCode(201)
                .extract().path("id");
        partner.request().post("/v1/moments/" + moment + "/launch").then().statusCode(200);
        return moment;
    }

    private static JsonPath event(Api partner, String user, Map<String, Object> attributes,
                                  Map<String, Object> notify) {
        Map<String, Object> event = new HashMap<>();
        event.put("id", "evt-" + UUID.randomUUID());
        event.put("type", "order.completed");
        event.put("userId", user);
        event.put("user", attributes);
        if (notify != null) {
            event.put("notify", notify);
        }
        return partner.request().body(event).post("/v1/events").then().statusCode(200).extract().jsonPath();
    }

    /** Asserts until the assertion holds, or fails with its last failure after {@link #PATIENCE}. */
    private static void waitFor(Runnable assertion) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static MimeMessage theOnlyMailTo(String address) throws Exception {
        waitFor(() -> assertThat(mailsTo(address)).isNotEmpty());
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equals(address)) {
                        mails.add(message);
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    /** The part of that type, looked for through nested multiparts. */
    private static String part(MimeMessage mail, String type) throws Exception {
        assertThat(mail.getContent()).as("a multipart e-mail").isInstanceOf(MimeMultipart.class);
        String found = part((MimeMultipart) mail.getContent(), type);
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static String part(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString().replace("\r\n", "\n");
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> email(String awardId) {
        return TestDatabase.query("select status, attempts, last_error from moments_test.award_emails where award_id"
                + " = '" + awardId + "'", rows -> {
                    Map<String, Object> row = new HashMap<>();
                    if (rows.next()) {
                        row.put("status", rows.getString("status"));
                        row.put("attempts", rows.getInt("attempts"));
                        row.put("last_error", rows.getString("last_error"));
                    } else {
                        row.put("attempts", 0);
                    }
                    return row;
                });
    }
}
