package dev.moments.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.bootstrap.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The partner console in headless Chromium, end to end against the real application and PostgreSQL: the partner signs
 * in with an API key, creates a moment through the form (after one refused field), launches it, and watches its report
 * change while events arrive over the HTTP API; two holdout moments show a significant and a not-yet-significant
 * lift. Screenshots go to {@code bootstrap/target/screenshots/console-*.png}.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void openTheBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void desktopWindow() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(DESKTOP);
    }

    @Test
    void aPartnerSignsIn_createsAMomentThroughTheForm_launchesIt_andWatchesTheReportChange() {
        Api acme = Api.newPartner();
        acme.createReward("5.00");
        signIn(acme.apiKey());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Moments");

        browser.findElement(By.linkText("New moment")).click();
        type("f-name", "Big order");
        type("f-trigger-event", "order.completed");
        type("f-trigger-where", "event.total >=");
        type("f-budget-total", "1000.00");
        type("f-budget-costPerAction", "10.00");
        browser.findElement(By.cssSelector("label[for=reward-0]")).click();
        submit();

        WebElement where = browser.findElement(By.id("f-trigger-where"));
        WebElement error = browser.findElement(By.id("f-trigger-where-error"));
        assertThat(error.getText()).contains("position");
        assertThat(where.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(where.getAttribute("aria-describedby")).startsWith("f-trigger-where-error");
        assertThat(where.getAttribute("value")).as("what was typed is kept").isEqualTo("event.total >=");
        assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("Big order");
        assertThat(browser.findElement(By.id("reward-0")).isSelected()).isTrue();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("f-trigger-where");
        assertThat(browser.findElement(By.cssSelector(".error-summary a")).getAttribute("href"))
                .endsWith("#f-trigger-where");
        assertThat(browser.findElement(By.cssSelector(".pointer")).getText()).contains("^");
        Browser.screenshot(browser, "console-form-error");

        type("f-trigger-where", "event.total >= 25");
        submit();
        waitFor(ExpectedConditions.urlMatches("/console/moments/mom_[^/?]+\\?done=created$"));
        assertThat(browser.findElement(By.id("moment-status")).getText()).isEqualTo("DRAFT");

        browser.findElement(By.id("action-launch")).click();
        waitFor(ExpectedConditions.urlContains("done=launch"));
        assertThat(browser.findElement(By.id("moment-status")).getText()).isEqualTo("LIVE");
        assertThat(figure("Completions")).isEqualTo("0");
        assertThat(browser.findElement(By.id("chart-funnel")).getAttribute("role")).isEqualTo("img");

        for (int i = 0; i < 3; i++) {
            acme.event("order.completed", "buyer-" + i, Instant.now(), Map.of("total", 30));
        }
        acme.event("order.completed", "small-buyer", Instant.now(), Map.of("total", 5));
        reloadUntil(() -> "3".equals(figure("Completions")));
        assertThat(figure("Awards")).isEqualTo("3");
        assertThat(funnel("Completed")).isEqualTo("3");
        assertThat(browser.findElement(By.cssSelector("#chart-funnel title")).getAttribute("textContent"))
                .isEqualTo("Funnel");
        assertThat(browser.findElement(By.cssSelector("#chart-funnel desc")).getAttribute("textContent"))
                .contains("Completed 3");
        assertThat(browser.findElement(By.cssSelector("#daily-table tbody")).getAttribute("textContent"))
                .contains("30.00 USD");
        assertThat(browser.findElement(By.cssSelector(".budget-label")).getText())
                .contains("30.00 USD reserved");
        Browser.screenshot(browser, "console-report");

        browser.findElement(By.linkText("Moments")).click();
        assertThat(browser.findElement(By.cssSelector(".moment-row .status")).getText()).isEqualTo("LIVE");
        assertThat(browser.findElement(By.cssSelector(".moment-row .budget-label")).getText())
                .contains("of 1000.00 USD");
        Browser.screenshot(browser, "console-moments");

        browser.manage().window().setSize(PHONE);
        browser.navigate().refresh();
        Browser.screenshot(browser, "console-moments-phone");
        browser.findElement(By.linkText("Big order")).click();
        Browser.screenshot(browser, "console-report-phone");
        browser.manage().window().setSize(DESKTOP);

        browser.findElement(By.linkText("Awards")).click();
        assertThat(browser.findElements(By.cssSelector("#awards-table tbody tr"))).hasSize(3);
        browser.findElement(By.id("userId")).sendKeys("buyer-1");
        browser.findElement(By.cssSelector("form.search button")).click();
        waitFor(ExpectedConditions.urlContains("userId=buyer-1"));
        assertThat(browser.findElements(By.cssSelector("#awards-table tbody tr"))).hasSize(1);
        Browser.screenshot(browser, "console-awards");

        browser.findElement(By.cssSelector("button[type=submit].button-secondary")).click();
        waitFor(ExpectedConditions.urlContains("/console/sign-in"));
        browser.get(app + "console/moments");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    }

    @Test
    void aHoldoutWhereOnlyTreatmentUsersComplete_showsASignificantLift() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "count", "event", "lesson.completed", "atLeast", 2),
                Map.of("name", "Two lessons", "holdoutPercent", 50, "expectedValuePerAction", "8.00",
                        "budget", Map.of("currency", "USD", "total", "10000.00", "costPerAction", "10.00")));
        List<String> treatment = new ArrayList<>();
        int control = 0;
        for (int i = 0; i < 200; i++) {
            String user = "learner-" + UUID.randomUUID();
            JsonPath first = acme.event("lesson.completed", user, Instant.now(), Map.of()).extract().jsonPath();
            if (first.getList("holdout").contains(moment)) {
                control++;
            } else {
                treatment.add(user);
            }
        }
        assertThat(control).as("both arms have users").isBetween(40, 160);
        for (String user : treatment) {
            acme.event("lesson.completed", user, Instant.now(), Map.of());
        }

        signIn(acme.apiKey());
        browser.get(app + "console/moments/" + moment);
        reloadUntil(() -> Integer.toString(treatment.size()).equals(figure("Completions")));
        WebElement summary = browser.findElement(By.id("lift-summary"));
        assertThat(summary.getText()).startsWith("Significant lift");
        assertThat(summary.getAttribute("class")).contains("is-significant");
        assertThat(browser.findElement(By.cssSelector("#chart-lift desc")).getAttribute("textContent"))
                .contains("clear of zero");
        assertThat(row("holdout-table", "Control users")).isEqualTo(Integer.toString(control));
        assertThat(row("holdout-table", "Treatment completion rate")).startsWith("100.0%");
        assertThat(row("holdout-table", "Lift")).startsWith("+100.0 pp");
        assertThat(browser.findElements(By.id("flag-LIFT_MAY_BE_ZERO"))).isEmpty();
        // every treatment user completed and no control user did: 10.00 per incremental action, above the 8.00 it is
        // worth to the partner
        assertThat(row("holdout-table", "Cost per incremental action")).startsWith("10.00 USD");
        assertThat(browser.findElement(By.id("flag-COST_ABOVE_VALUE")).getText()).contains("Cost above value");
        assertThat(browser.findElement(By.id("chart-outcomes")).getAttribute("role")).isEqualTo("img");
        Browser.screenshot(browser, "console-report-significant");
    }

    @Test
    void aHoldoutWithAHandfulOfUsers_saysTheLiftIsNotYetSignificant() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "count", "event", "lesson.completed", "atLeast", 2),
                Map.of("name", "Two lessons, few users", "holdoutPercent", 50));
        for (int i = 0; i < 10; i++) {
            String user = "few-" + UUID.randomUUID();
            acme.event("lesson.completed", user, Instant.now(), Map.of());
            acme.event("lesson.completed", user, Instant.now(), Map.of());
        }

        signIn(acme.apiKey());
        browser.get(app + "console/moments/" + moment);
        reloadUntil(() -> "10".equals(figure("Completions")));
        WebElement summary = browser.findElement(By.id("lift-summary"));
        assertThat(summary.getText()).startsWith("Not yet significant");
        assertThat(summary.getAttribute("class")).contains("is-not-significant");
        Browser.screenshot(browser, "console-report-not-significant");
    }

    @Test
    void aMomentWithVariants_showsEachVariantAgainstTheControlArm() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "lesson.completed"),
                Map.of("name", "Cheap or rich", "holdoutPercent", 30,
                        "budget", Map.of("currency", "USD", "total", "10000.00", "costPerAction", "10.00"),
                        "variants", List.of(Map.of("name", "Cheap", "weight", 1, "costPerAction", "5.00"),
                                Map.of("name", "Rich", "weight", 1))));
        // every user completes, in both arms: each variant's lift is zero, and the table says so
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(Map.of("id", "lesson-" + i, "type", "lesson.completed", "userId", "learner-" + i));
        }
        acme.request().body(Map.of("events", events)).post("/v1/events/batch").then().statusCode(200);
        JsonPath report = acme.request().get("/v1/moments/" + moment + "/report").then().statusCode(200)
                .extract().jsonPath();

        signIn(acme.apiKey());
        browser.get(app + "console/moments/" + moment);
        reloadUntil(() -> "120".equals(figure("Completions")));
        List<String> rows = browser.findElements(By.cssSelector("#variants-table tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String users = Long.toString(report.getLong("variants[" + i + "].users"));
            assertThat(rows.get(i)).startsWith(report.getString("variants[" + i + "].name") + " " + users + " "
                    + users + " 100.0% +0.0 pp (95% interval"); // the control arm completes as often, unpaid
        }
        Browser.screenshot(browser, "console-report-variants");
    }

    @Test
    void thePointsAndBadgesPage_listsTheRules_andLooksUpAUsersBalanceAndBadges() {
        Api acme = Api.newPartner();
        acme.request().body(Map.of("name", "Daily login", "event", "app.opened", "points", 10))
                .post("/v1/point-rules").then().statusCode(201);
        acme.request().body(Map.of("name", "Minutes played", "event", "session.ended", "where",
                "event.minutes >= 5", "points", "int(event.minutes) / 5")).post("/v1/point-rules").then()
                .statusCode(201);
        acme.request().body(Map.of("name", "Three days in a row", "trigger", Map.of("kind", "days",
                "event", "app.opened", "atLeast", 3, "consecutive", true))).post("/v1/badges").then().statusCode(201);
        for (int day = 1; day <= 3; day++) {
            acme.request().body(Map.of("id", "open-" + day, "type", "app.opened", "userId", "u-ada",
                    "occurredAt", "2026-11-0" + day + "T10:00:00Z")).post("/v1/events").then().statusCode(200);
        }
        acme.request().header("Idempotency-Key", "spend-1").body(Map.of("amount", 5, "reason", "A sticker"))
                .post("/v1/users/u-ada/points/spend").then().statusCode(200);

        signIn(acme.apiKey());
        browser.findElement(By.linkText("Points and badges")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Points and badges");
        assertThat(browser.findElement(By.id("rules-table")).getText()).contains("Daily login", "app.opened",
                "every event", "Minutes played", "event.minutes >= 5", "int(event.minutes) / 5");
        assertThat(browser.findElement(By.id("badges")).getText()).contains("Three days in a row");

        type("userId", "u-ada");
        submit();
        assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("25");
        assertThat(browser.findElement(By.id("earned")).getText()).contains("Three days in a row", "open-3");
        assertThat(browser.findElement(By.id("entries-table")).getText()).contains("-5", "A sticker", "+10",
                "event open-1");
        Browser.screenshot(browser, "console-points-and-badges");
    }

    @Test
    void theReviewQueue_showsEachAwardsRiskSignals_andApprovesOrRejects() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "purchase.completed"), Map.of(
                "limits", Map.of("perDevice", 3, "perIp", Map.of("max", 5, "within", "P1D")),
                "review", Map.of("above", "5.00")));
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(acme.request().body(Map.of("id", UUID.randomUUID().toString(), "type", "purchase.completed",
                    "userId", "big-" + i, "deviceId", "dev-shared", "context", Map.of("ip", "203.0.113.7"),
                    "occurredAt", Instant.now().toString())).post("/v1/events").then().statusCode(200).extract()
                    .path("awards[0].id"));
        }

        signIn(acme.apiKey());
        browser.findElement(By.linkText("Reviews")).click();
        String table = browser.findElement(By.id("reviews-table")).getText();
        assertThat(table).contains("big-0", "big-1", "big-2", "the price 10.00 is above review.above 5.00",
                "award 3 of at most 3 of the device", "award 2 of at most 5 from the client address");
        assertThat(browser.findElements(By.cssSelector("#" + held.get(2) + " li.risk-near")))
                .as("the device's third of three, the address's third of five, the review rule").hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#" + held.get(0) + " li.risk-near")))
                .as("only the review rule").hasSize(1);
        Browser.screenshot(browser, "console-reviews");

        press(By.cssSelector("#" + held.get(0) + " form.inline button"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Approved");
        press(By.cssSelector("#" + held.get(1) + " form.reject button"));
        assertThat(browser.findElement(By.id("reason-" + held.get(1) + "-error")).getText()).contains("reason");
        type("reason-" + held.get(1), "Three accounts on one phone");
        press(By.cssSelector("#" + held.get(1) + " form.reject button"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Rejected");
        assertThat(browser.findElement(By.id("reviews-table")).getText()).contains("big-2")
                .doesNotContain("big-0", "big-1");

        JsonPath audit = acme.request().get("/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.actor", String.class)).anyMatch(actor -> actor.startsWith("console:key_"));
        assertThat(acme.request().get("/v1/moments/" + moment).then().extract().<String>path("budgetState.reserved"))
                .isEqualTo("20.00");

        browser.findElement(By.linkText("Awards")).click();
        assertThat(browser.findElement(By.id("awards-table")).getText()).contains("award 1 of at most 3 of the device");
        Browser.screenshot(browser, "console-award-risk");
    }

    @Test
    void theBlocklistPage_blocksADevice_cancelsItsUnclaimedAwards_andUnblocksIt() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "purchase.completed"), Map.of());
        for (int i = 0; i < 3; i++) {
            acme.request().body(Map.of("id", UUID.randomUUID().toString(), "type", "purchase.completed",
                    "userId", "farmed-" + i, "deviceId", i < 2 ? "dev-farm" : "dev-own",
                    "occurredAt", Instant.now().toString())).post("/v1/events").then().statusCode(200);
        }

        signIn(acme.apiKey());
        browser.findElement(By.linkText("Blocklist")).click();
        assertThat(browser.findElement(By.id("no-blocks")).getText()).isEqualTo("Nothing is blocked.");
        acme.request().body(Map.of("kind", "email", "value", "fraud@example.com")).post("/v1/blocklist").then()
                .statusCode(201);
        submit();
        assertThat(browser.findElement(By.id("block-value-error")).getText()).contains("value is required");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("block-kind")))
                .selectByValue("device");
        type("block-value", "dev-farm");
        type("block-reason", "Twenty accounts on one phone");
        submit();
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Blocked");
        assertThat(browser.findElement(By.id("blocklist-table")).getText())
                .contains("device", "dev-farm", "Twenty accounts on one phone", "email");
        Browser.screenshot(browser, "console-blocklist");

        String farm = "//tr[td/code[text()='dev-farm']]";
        press(By.xpath(farm + "//button[not(contains(@class, 'button-danger'))]"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("2 unclaimed awards");
        assertThat(acme.request().get("/v1/awards?momentId=" + moment).then().statusCode(200).extract().jsonPath()
                .<String>getList("items.status")).containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "EARNED");
        assertThat(acme.request().get("/v1/moments/" + moment).then().statusCode(200).extract()
                .<String>path("budgetState.reserved")).isEqualTo("10.00");

        press(By.xpath(farm + "//button[contains(@class, 'button-danger')]"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Unblocked");
        assertThat(browser.findElement(By.id("blocklist-table")).getText()).as("the e-mail entry stays")
                .contains("email").doesNotContain("dev-farm");
    }

    private void signIn(String apiKey) {
        browser.get(app + "console");
        waitFor(ExpectedConditions.urlContains("/console/sign-in"));
        type("apiKey", apiKey);
        submit();
        waitFor(ExpectedConditions.urlContains("/console/moments"));
    }

    private static String figure(String label) {
        for (WebElement figure : browser.findElements(By.cssSelector("#headline .figure"))) {
            if (figure.findElement(By.tagName("dt")).getText().equals(label)) {
                return figure.findElement(By.tagName("dd")).getText();
            }
        }
        throw new AssertionError("no figure " + label);
    }

    private static String funnel(String label) {
        return row("funnel-table", label);
    }

    /** The value beside a label in one of the report's tables. */
    private static String row(String table, String label) {
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tr"))) {
            if (row.findElement(By.tagName("th")).getAttribute("textContent").equals(label)) {
                return row.findElement(By.tagName("td")).getAttribute("textContent");
            }
        }
        throw new AssertionError("no line " + label + " in " + table);
    }

    /** Reloads the page until the condition holds (the figures are kept as events arrive; at most 30 s). */
    private static void reloadUntil(java.util.function.BooleanSupplier done) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
            driver.navigate().refresh();
            return done.getAsBoolean();
        });
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks a button and waits for the page it posts to (the button's page gone). */
    private static void press(By button) {
        WebElement pressed = browser.findElement(button);
        pressed.click();
        waitFor(Browser.gone(pressed));
    }

    private static void submit() {
        WebElement button = browser.findElement(By.cssSelector("main button[type=submit]"));
        button.click();
        waitFor(Browser.gone(button));
    }

    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
