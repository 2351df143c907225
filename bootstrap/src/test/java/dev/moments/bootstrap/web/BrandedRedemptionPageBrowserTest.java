package dev.moments.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A partner's branding on every page of a link, in headless Chromium against the real application and PostgreSQL:
 * the name, the logo (from an https server of the partner's, which the page's policy must let through), the colour
 * on the claim button and the support address, on the options, the confirmation and the pages of a link claimed,
 * expired, withdrawn or not yet redeemable. Each page is shot at phone (390 px) and desktop (1280 px) width:
 * {@code bootstrap/target/screenshots/branded-*.png}.
 */
@QuarkusTest
class BrandedRedemptionPageBrowserTest {

    private static final String BRAND = "#7a1fa2";

    private static LogoServer logos;
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void startTheLogoServerAndTheBrowser() throws Exception {
        logos = LogoServer.start(Path.of("target", "logo-server"));
        browser = Browser.start("--ignore-certificate-errors");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (logos != null) {
            logos.close();
        }
    }

    @Test
    void everyPageOfABrandedLink_showsThePartnersNameLogoColourAndSupportAddress() {
        Partner acme = Partner.create();
        acme.brand(Map.of("displayName", "Acme Games", "logoUrl", logos.logoUrl(), "primaryColor", "#7A1FA2",
                "supportEmail", "help@acme.example"));
        String credit = acme.reward(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                "description", "Added to your account at once.", "fulfillment", Map.of("provider", "sandbox")));
        acme.launchedMoment(List.of(credit), Map.of("limits", Map.of("claimWithin", "P30D")));

        // the options: one reward, already chosen; the expiry above the form
        Partner.Earned award = acme.earn("u-" + UUID.randomUUID());
        open(award.token());
        assertBranded();
        assertThat(browser.findElement(By.id("reward-0")).isSelected()).as("the only reward is preselected").isTrue();
        assertThat(browser.findElement(By.cssSelector("h1 + p.hint")).getText()).startsWith("Claim by ");
        assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getCssValue("background-color"))
                .satisfies(color -> assertThat(Color.fromString(color).asHex()).isEqualTo(BRAND));
        shoot("branded-1-options");

        // the confirmation, straight after the claim
        WebElement button = browser.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(Browser.gone(button));
        wait(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]+/done$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you!");
        assertBranded();
        shoot("branded-2-confirmation");

        // the same link opened again: claimed
        open(award.token());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Already claimed");
        assertBranded();
        shoot("branded-3-claimed");

        // withdrawn by the partner
        Partner.Earned withdrawn = acme.earn("u-" + UUID.randomUUID());
        acme.cancel(withdrawn.awardId());
        open(withdrawn.token());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This reward was withdrawn");
        assertBranded();
        shoot("branded-4-cancelled");
    }

    @Test
    void theExpiredAndNotYetRedeemablePages_areBrandedToo_andSayWhen() throws InterruptedException {
        Partner acme = Partner.create();
        acme.brand(Map.of("displayName", "Acme Games", "logoUrl", logos.logoUrl(), "primaryColor", "#7A1FA2",
                "supportEmail", "help@acme.example"));
        String credit = acme.reward(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                "fulfillment", Map.of("provider", "sandbox")));
        acme.launchedMoment(List.of(credit), Map.of("limits", Map.of("claimWithin", "PT1S")));
        String expired = acme.earn("u-" + UUID.randomUUID()).token();

        Partner later = Partner.create();
        later.brand(Map.of("displayName", "Acme Games", "logoUrl", logos.logoUrl(), "primaryColor", "#7A1FA2",
                "supportEmail", "help@acme.example"));
        String laterCredit = later.reward(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                "fulfillment", Map.of("provider", "sandbox")));
        later.launchedMoment(List.of(laterCredit), Map.of("limits", Map.of("redeemAfter", "PT1H",
                "claimWithin", "P30D")));
        String notYet = later.earn("u-" + UUID.randomUUID()).token();
        Thread.sleep(1_500);

        open(expired);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        assertThat(browser.findElement(By.className("lead")).getText()).startsWith("The time to claim this reward");
        assertBranded();
        shoot("branded-5-expired");

        open(notYet);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not available yet");
        assertThat(browser.findElement(By.cssSelector("p.hint")).getText()).startsWith("Claim by ");
        assertBranded();
        shoot("branded-6-not-yet");
    }

    private void assertBranded() {
        assertThat(browser.findElement(By.className("brand-name")).getText()).isEqualTo("Acme Games");
        WebElement logo = browser.findElement(By.className("brand-logo"));
        wait(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", logo)).intValue() > 0);
        assertThat(browser.findElement(By.className("brand")).getCssValue("border-top-color"))
                .satisfies(color -> assertThat(Color.fromString(color).asHex()).isEqualTo(BRAND));
        WebElement support = browser.findElement(By.cssSelector(".support a"));
        assertThat(support.getAttribute("href")).isEqualTo("mailto:help@acme.example");
        assertThat(Color.fromString(support.getCssValue("color")).asHex()).isEqualTo(BRAND);
        assertThat(browser.getTitle()).endsWith(" · Acme Games");
    }

    private void open(String token) {
        browser.get(app + "r/" + token);
    }

    /** The page at phone width, then at desktop width. */
    private static void shoot(String name) {
        Browser.screenshot(browser, name + "-phone");
        Dimension phone = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1280, 900));
        try {
            Browser.screenshot(browser, name + "-desktop");
        } finally {
            browser.manage().window().setSize(phone);
        }
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
