package org.waypoint.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, for the page tests. Selenium Manager is never asked
 * for a driver (it would go to the internet): the driver and the browser are Debian's. Every page a
 * test checks with {@link #checkAccessibility()} is run through axe-core (WCAG 2.0, 2.1 and 2.2,
 * levels A and AA), and the results are kept for the closing summary the tests print.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> CHECKED = new ArrayList<>();
    /** Where the browser tests' time goes, for the closing summary: starting browsers, and checking pages. */
    private static final java.util.concurrent.atomic.LongAdder STARTS = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder STARTING_NANOS = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder CHECKING_NANOS = new java.util.concurrent.atomic.LongAdder();
    /** WCAG 2.2's reflow width: a page must work at 320 CSS pixels without scrolling sideways. */
    private static final int NARROW = 320;
    private static final int WIDE = 1280;

    /**
     * The browsers the last tests closed, kept for the next (starting one takes seconds), with no cookie of
     * any site: two, as some tests have two people at work at once. The JVM's end quits them.
     */
    private static final java.util.Deque<Browser> IDLE = new java.util.ArrayDeque<>();
    private static final int KEPT = 2;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Browser::quit);
                IDLE.clear();
            }
        }));
    }

    private final URL base;
    private final ChromeDriver driver;
    private final Path profile;

    /** A browser at {@code base}: the one the last test closed if it is still there, else a new one. */
    Browser(URL base) {
        Browser idle;
        synchronized (IDLE) {
            idle = IDLE.poll();
        }
        this.base = base;
        if (idle != null) {
            this.driver = idle.driver;
            this.profile = idle.profile;
            return;
        }
        long started = System.nanoTime();
        System.setProperty("SE_OFFLINE", "true");
        try {
            this.profile = Files.createTempDirectory("waypoint-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        STARTS.increment();
        STARTING_NANOS.add(System.nanoTime() - started);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, such as {@code /sign-in}. */
    void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    /**
     * Clicks a link to {@code path} on a page of another site, as a person does in webmail, and waits
     * until the browser has come to rest on {@code settled}: a visit another site starts carries no
     * SameSite=Strict cookie, along any redirect either.
     */
    void followFromAnotherSite(String path, By settled) {
        String mail = "<!doctype html><html lang=\"en\"><title>Webmail</title><a id=\"mail-link\" href=\""
                + base.toString().replaceAll("/$", "") + path + "\">the link</a></html>";
        driver.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode(mail, StandardCharsets.UTF_8).replace("+", "%20"));
        driver.findElement(By.id("mail-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .withMessage(() -> "a link from another site did not lead to " + settled + "; the browser is on '"
                        + driver.getTitle() + "'")
                .until(d -> !d.findElements(settled).isEmpty()
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    /** Clicks what sends the browser to another page (a link, a form's button) and waits until that page has come. */
    void follow(By target) {
        follow(target, () -> driver.findElement(target).click());
    }

    /** Does what sends the browser to another page (a click, a key pressed on a focused button) and waits until that page has come. */
    void follow(By target, Runnable action) {
        driver.executeScript("document.documentElement.dataset.left = 'yes';");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete' && document.documentElement.dataset.left === undefined;")));
    }

    void setWidth(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 1000));
        driver.executeScript("return document.documentElement.offsetWidth;");
    }

    /** Whether the page is wider than the window, so that reading it means scrolling sideways. */
    boolean scrollsSideways() {
        Object wider = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /**
     * Checks the page has no script of its own (it must work with JavaScript off), that it fits
     * 320 px without scrolling sideways, and runs axe-core on it as it is now, failing on any
     * violation and naming each rule and the
     * elements that break it. The script is injected by WebDriver, which the page's
     * Content-Security-Policy does not govern.
     */
    @SuppressWarnings("unchecked")
    void checkAccessibility() {
        if (!driver.findElements(By.tagName("script")).isEmpty()) {
            throw new AssertionError("a page carries script, so it would not work with JavaScript off: " + driver.getCurrentUrl());
        }
        long started = System.nanoTime();
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(n => n.target.join(' '))}))}))"
                        + ".catch(e => done({error: String(e)}));");
        if (results.containsKey("error")) {
            throw new AssertionError("axe-core did not run: " + results.get("error"));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        String page = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
        synchronized (CHECKED) {
            CHECKED.add("axe: " + page + " \"" + driver.getTitle() + "\": " + violations.size() + " violations");
        }
        setWidth(NARROW);
        boolean sideways = scrollsSideways();
        Object widest = driver.executeScript("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.waypoint-table-wrapper'))"
                + ".slice(-3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ');");
        setWidth(WIDE);
        CHECKING_NANOS.add(System.nanoTime() - started);
        if (sideways) {
            throw new AssertionError(page + " \"" + driver.getTitle() + "\" is wider than " + NARROW
                    + " px: reading it means scrolling sideways (" + widest + ")");
        }
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder("accessibility violations on " + page + ":");
            violations.forEach(v -> report.append("\n  ").append(v.get("id")).append(" (").append(v.get("impact"))
                    .append("): ").append(v.get("help")).append(" at ").append(v.get("targets")));
            throw new AssertionError(report.toString());
        }
    }

    private static String axeSource() {
        String path = System.getProperty("waypoint.it.axe");
        if (path == null) {
            throw new IllegalStateException("system property waypoint.it.axe is not set: run the tests through Maven");
        }
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed at " + path + " (the build installs it with npm)", e);
        }
    }

    /** What axe-core found on each page checked so far, one line a page, and the time the checks and the browsers' starts took. */
    static List<String> checkedPages() {
        synchronized (CHECKED) {
            List<String> lines = new ArrayList<>(CHECKED);
            lines.add(String.format("time: %d page checks took %,d ms; %d browsers took %,d ms to start", CHECKED.size(),
                    CHECKING_NANOS.sum() / 1_000_000, STARTS.sum(), STARTING_NANOS.sum() / 1_000_000));
            return lines;
        }
    }

    /** Leaves the browser for the next test, without any site's cookies, or quits it if enough are left already. */
    @Override
    public void close() {
        try {
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.get("about:blank");
            setWidth(WIDE);
            synchronized (IDLE) {
                if (IDLE.size() < KEPT) {
                    IDLE.push(this);
                    return;
                }
            }
        } catch (WebDriverException broken) {
            // Not fit to be used again: quit it below.
        }
        quit();
    }

    private void quit() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }
}
