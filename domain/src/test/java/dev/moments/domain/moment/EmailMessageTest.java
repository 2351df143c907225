package dev.moments.domain.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

    private static final Map<String, String> VALUES = Map.of("redeemUrl", "https://m.example/r/abc?x=1&y=2",
            "reward", "a <b>$5</b> credit", "expiresAt", "December 25, 2026");

    @Test
    void thePlaceholdersAreFilled_inTheSubjectAndBothParts_theHtmlEscaped() {
        EmailMessage message = new EmailMessage("Your reward: {{reward}}",
                "Hi!\nYou earned {{ reward }}.\n\nPick it here: {{redeemUrl}}\nClaim by {{expiresAt}}.");

        EmailMessage.Rendered rendered = message.render(VALUES);

        assertThat(rendered.subject()).isEqualTo("Your reward: a <b>$5</b> credit");
        assertThat(rendered.text()).isEqualTo("Hi!\nYou earned a <b>$5</b> credit.\n\n"
                + "Pick it here: https://m.example/r/abc?x=1&y=2\nClaim by December 25, 2026.");
        assertThat(rendered.html())
                .contains("<p>Hi!<br>You earned a &lt;b&gt;$5&lt;/b&gt; credit.</p>")
                .contains("<a href=\"https://m.example/r/abc?x=1&amp;y=2\">https://m.example/r/abc?x=1&amp;y=2</a>")
                .contains("Claim by December 25, 2026.")
                .doesNotContain("<b>$5</b>", "{{");
    }

    @Test
    void aBodyWithoutTheLink_getsItAtTheEnd() {
        EmailMessage.Rendered rendered = new EmailMessage("You earned a reward", "Well done, {{reward}}!")
                .render(VALUES);

        assertThat(rendered.text()).endsWith("\n\nhttps://m.example/r/abc?x=1&y=2");
        assertThat(rendered.html()).contains("<p><a href=\"https://m.example/r/abc?x=1&amp;y=2\">");
    }

    @Test
    void thePartnersOwnMarkupIsText() {
        EmailMessage.Rendered rendered = new EmailMessage("Hi", "<script>alert(1)</script> {{redeemUrl}}")
                .render(VALUES);

        assertThat(rendered.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void anUnknownPlaceholder_aMissingBodyOrALongSubject_areRefused() {
        assertThatThrownBy(() -> new EmailMessage("Hi {{name}}", "x"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("unknown placeholder {{name}}")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("messages.email.subject");
        assertThatThrownBy(() -> new EmailMessage("Hi", "Your {{ redeemURL }}"))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("messages.email.body");
        assertThatThrownBy(() -> new EmailMessage("Hi", " "))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("messages.email.body");
        assertThatThrownBy(() -> new EmailMessage("x".repeat(201), "body"))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("messages.email.subject");
        assertThatThrownBy(() -> new EmailMessage("two\nlines", "body"))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("messages.email.subject");
    }
}
