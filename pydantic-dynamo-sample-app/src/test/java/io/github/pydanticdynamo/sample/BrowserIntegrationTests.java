package io.github.pydanticdynamo.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The page at {@code /} in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}
 * packages): it lists the actors, and a review added through the page is listed, also after a
 * reload; it finds actors by name (the index) and deletes the selected one. Skipped, with the
 * reason, where those packages are not installed.
 */
@SampleAppTest
class BrowserIntegrationTests {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOT = Path.of("target", "screenshots", "sample-page.png");

  // Selenium warns that it has no DevTools (CDP) module for this Chromium; the test needs none.
  private static final Logger CDP_LOGS = Logger.getLogger("org.openqa.selenium");

  static {
    CDP_LOGS.setLevel(Level.SEVERE);
  }

  @LocalServerPort int port;
  @Autowired RestTestClient client;

  private @Nullable WebDriver driver;

  @BeforeEach
  void startBrowser() {
    // per test, not in @BeforeAll: Surefire counts a test skipped there as not run at all
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: the browser test needs "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (Debian: apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void thePageListsActorsAndAddsAReview() throws IOException {
    String actor = Actors.create(client, "Browser Tester");
    String text = "Seen in a real browser " + actor;
    WebDriver browser = driver;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    browser.get("http://localhost:" + port + "/");
    By actorButton = By.cssSelector("#actors button[data-actor-id='" + actor + "']");
    wait.until(ExpectedConditions.elementToBeClickable(actorButton)).click();
    wait.until(ExpectedConditions.textToBe(By.id("reviews-title"), "Reviews of Browser Tester"));

    browser.findElement(By.id("review-text")).sendKeys(text);
    browser.findElement(By.id("review-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reviews"), text));
    assertThat(browser.findElement(By.id("message")).getText()).isEmpty();

    // after a reload the review comes from the table, not from the page's memory
    browser.navigate().refresh();
    wait.until(ExpectedConditions.elementToBeClickable(actorButton)).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reviews"), text));
    assertThat(browser.findElement(By.cssSelector("#reviews li .review-text")).getText())
        .isEqualTo(text);

    Files.createDirectories(SCREENSHOT.getParent());
    Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void thePageFindsActorsByNameAndDeletesTheSelectedOne() {
    String unique = "Finder" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String actor = Actors.create(client, unique + " Searched");
    WebDriver browser = driver;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    browser.get("http://localhost:" + port + "/");
    browser.findElement(By.id("search-name")).sendKeys(unique);
    browser.findElement(By.id("search-submit")).click();
    By actorButton = By.cssSelector("#actors button[data-actor-id='" + actor + "']");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#actors button"), 1));
    wait.until(ExpectedConditions.elementToBeClickable(actorButton)).click();
    wait.until(
        ExpectedConditions.textToBe(By.id("reviews-title"), "Reviews of " + unique + " Searched"));

    browser.findElement(By.id("actor-delete")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#actors button"), 0));
    assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
    client.get().uri("/api/actors/{id}", actor).exchange().expectStatus().isNotFound();
  }
}
