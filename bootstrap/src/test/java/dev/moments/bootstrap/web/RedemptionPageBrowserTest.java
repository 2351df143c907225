package dev.moments.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The redemption page in headless Chromium on a phone-sized window, end to end against the real application and
 * PostgreSQL: the awards are earned through the HTTP API, the user only uses the page. Screenshots go to
 * {@code bootstrap/target/screenshots/}.
 */
@QuarkusTest
class RedemptionPageBrowserTest {

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

    @Test
    void aUserPicksAPhysicalReward_correctsTheirPostalCode_andWatchesTheDeliveryStatus() {
        Partner acme = Partner.create();
        String figure = acme.reward(Map.of("name", "Collectible figure", "kind", "PHYSICAL", "cost", "8.00",
                "description", "A hand-painted figure, shipped to your door.",
                "imageUrl", app + "r-assets/gift.svg", "fulfillment", Map.of("provider", "webhook")));
        String credit = acme.reward(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                "description", "Added to your account at once.", "fulfillment", Map.of("provider", "sandbox")));
        acme.launchedMoment(List.of(figure, credit), Map.of());
        Partner.Earned award = acme.earn("u-" + UUID.randomUUID());
        String token = award.token();

        open(token);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Thanks for your second order: pick a reward!");
        WebElement image = browser.findElement(By.cssSelector("label[for=reward-0] img"));
        assertThat(image.getAttribute("alt")).isEqualTo("Collectible figure");
        assertThat(browser.findElement(By.id("shipping")).isDisplayed())
                .as("no address asked before a physical reward is chosen").isFalse();
        Browser.screenshot(browser, "1-options");

        browser.findElement(By.cssSelector("label[for=reward-0]")).click();
        assertThat(browser.findElement(By.id("shipping")).isDisplayed()).isTrue();
        type("shipping-name", "Jane Doe");
        type("shipping-line1", "1 Main Street");
        type("shipping-city", "New York");
        type("shipping-region", "NY");
        type("shipping-postalCode", "ABC12");
        new Select(browser.findElement(By.id("shipping-country"))).selectByValue("US");
        submit();

        WebElement postalCode = browser.findElement(By.id("shipping-postalCode"));
        WebElement error = browser.findElement(By.id("shipping-postalCode-error"));
        assertThat(error.getText()).contains("Enter a valid postal code for United States.");
        assertThat(postalCode.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(postalCode.getAttribute("aria-describedby")).isEqualTo("shipping-postalCode-error");
        assertThat(postalCode.getAttribute("value")).isEqualTo("ABC12");
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("the focus is on the first invalid field").isEqualTo("shipping-postalCode");
        assertThat(browser.findElement(By.cssSelector(".error-summary a")).getAttribute("href"))
                .endsWith("#shipping-postalCode");
        assertThat(browser.findElement(By.id("shipping-name")).getAttribute("value")).isEqualTo("Jane Doe");
        assertThat(browser.findElement(By.id("reward-0")).isSelected()).isTrue();
        Browser.screenshot(browser, "2-invalid-postal-code");

        postalCode.clear();
        postalCode.sendKeys("10001");
        submit();

        waitFor(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]+/done$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you!");
        assertThat(browser.findElement(By.className("lead")).getText()).isEqualTo("Your reward is on its way.");
        assertThat(browser.findElement(By.id("live")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Your reward is on its way.");
        assertThat(browser.findElement(By.cssSelector(".reward-chosen")).getText())
                .isEqualTo("You chose: Collectible figure");
        assertThat(browser.findElement(By.id("live-note")).isDisplayed()).as("the page says it updates").isTrue();
        Browser.screenshot(browser, "3-confirmation");

        // The partner ships it: the page learns it by itself, in its aria-live region, without a reload.
        WebElement heading = browser.findElement(By.tagName("h1"));
        acme.reportDelivered(award.awardId());
        waitFor(ExpectedConditions.textToBe(By.id("status"), "Your reward has been delivered."));
        assertThat(heading.isDisplayed()).as("same page, not reloaded").isTrue();
        assertThat(browser.findElement(By.id("live-note")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "4-delivered");

        given().get("/r/" + token).then().statusCode(409);
        open(token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Already claimed");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Your reward has been delivered.");
    }

    @Test
    void aUserClaimsACodeReward_withTheKeyboardOnly_andReadsTheCode() {
        Partner acme = Partner.create();
        String giftCard = acme.reward(Map.of("name", "$5 gift card", "kind", "DIGITAL_CODE", "cost", "5.00",
                "description", "A code to spend in the store.", "fulfillment", Map.of("provider", "codes")));
        List<String> codes = List.of("GIFT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "GIFT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        acme.uploadCodes(giftCard, codes);
        acme.launchedMoment(List.of(giftCard), Map.of());
        String token = acme.earn("u-" + UUID.randomUUID()).token();

        open(token);
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip-link");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reward-0");
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("reward-0")).isSelected()).isTrue();
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
        browser.switchTo().activeElement().sendKeys("jane@example.com", Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("type")).isEqualTo("submit");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]+/done$"));
        String code = browser.findElement(By.id("code")).getText();
        assertThat(code).isIn(codes);
        assertThat(browser.findElement(By.id("code-box")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Your reward has been delivered.");
        Browser.screenshot(browser, "5-code");
    }

    @Test
    void anExpiredLink_showsTheExpiredPage() throws InterruptedException {
        Partner acme = Partner.create();
        String credit = acme.reward(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                "fulfillment", Map.of("provider", "sandbox")));
        acme.launchedMoment(List.of(credit), Map.of("limits", Map.of("claimWithin", "PT1S")));
        String token = acme.earn("u-" + UUID.randomUUID()).token();
        Thread.sleep(1_500);

        open(token);

        given().get("/r/" + token).then().statusCode(410);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        assertThat(browser.findElement(By.className("lead")).getText())
                .startsWith("The time to claim this reward ended on").endsWith("UTC.");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        Browser.screenshot(browser, "6-expired");
    }

    private void open(String token) {
        browser.get(app + "r/" + token);
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void submit() {
        WebElement button = browser.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        waitFor(Browser.gone(button));
    }

    private static void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
