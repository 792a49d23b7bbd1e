package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.waypoint.web.security.SessionSignIn;

/**
 * The pages in a real browser (headless Chromium), journey by journey, from the first click to what
 * the person sees, with axe-core checking every page visited for WCAG 2.2 AA, and each checked
 * page made to fit 320 px. The journeys use the
 * demo accounts and services, so they run where demo mode is on (the Derby run).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {

    /**
     * A journey whose outcome does not depend on the database (the browser, the pages' security, a
     * flow whose queries the other tests already run): the PostgreSQL phase leaves it out (web/pom.xml,
     * profile postgresql), as it repeats every other journey there.
     */
    static final String SAME_ON_EVERY_DATABASE = "same-on-every-database";
    private static final String PASSWORD = "Demo-Password-1";
    /** The demo administrator's session cookie, kept by {@link #signInAsAdministrator}. */
    private static String administratorSession;
    private static final String CASEWORKER = "caseworker@example.org";
    private static final String STAFF = "staff@example.org";
    private static final String SCRIPT = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    @ArquillianResource
    private URL base;

    /** Every person's name the journeys typed, and the safe number every recorded person is given. */
    private static final java.util.Set<String> PERSONAL_MARKERS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final String SAFE_NUMBER = "07700 900777";

    @Deployment(testable = false)
    static WebArchive deployment() {
        ServerLog.install();
        return Deployments.waypoint();
    }

    @org.junit.jupiter.api.AfterAll
    static void printWhatAxeFound() {
        Browser.checkedPages().forEach(System.out::println);
    }

    /**
     * Personal data never reaches the server's log: after every journey (recording, correcting,
     * referring, retention and erasure, subject access), no name typed into a page, nor the safe number,
     * is in any line the server wrote.
     */
    @org.junit.jupiter.api.AfterAll
    static void noPersonalDataTypedIntoThePagesReachedTheServerLog() {
        assertThat(ServerLog.seen()).as("lines of the server's log seen").isPositive();
        List<String> markers = new ArrayList<>(PERSONAL_MARKERS);
        markers.add(SAFE_NUMBER);
        assertThat(ServerLog.lines()).as("the server's log during the journeys")
                .noneMatch(line -> markers.stream().anyMatch(line::contains));
    }

    /** A family name no other test uses, remembered so that the server's log can be searched for it. */
    private static String personalMarker(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        PERSONAL_MARKERS.add(name);
        return name;
    }

    @BeforeEach
    void onLoopbackWithDemoData() {
        base = Deployments.loopback(base);
        assumeTrue(Deployments.demoMode(), "the journeys use the demo accounts and services");
    }

    @Test
    void aCaseworkerRefersAServiceAcceptsAndTheCaseworkerSeesTheAnswer() throws Exception {
        String familyName = personalMarker("Journey");
        String reference;
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            page.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(page.switchTo().activeElement().getText()).as("the first Tab reaches the skip link").isEqualTo("Skip to main content");
            String before = sessionCookie(page);
            String tokenBefore = page.findElement(By.name("csrf")).getAttribute("value");
            signIn(browser, CASEWORKER);
            assertThat(sessionCookie(page)).as("a new session id at sign-in").isNotEqualTo(before);
            assertThat(page.findElement(By.name("csrf")).getAttribute("value")).as("a new form token at sign-in").isNotEqualTo(tokenBefore);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
            browser.checkAccessibility();

            browser.follow(By.id("start-referral"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Who is the referral for?");
            browser.checkAccessibility();
            browser.follow(By.id("find"));
            assertThat(errorSummary(page)).contains("Enter their given name", "Enter their family name", "Enter a real date of birth");
            browser.checkAccessibility();
            type(page, "givenName", "Amira");
            type(page, "familyName", familyName);
            type(page, "dob-day", "12");
            type(page, "dob-month", "5");
            type(page, "dob-year", "2001");
            browser.follow(By.id("find"));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("About the person");
            browser.checkAccessibility();
            choose(page, "gender", "FEMALE");
            type(page, "postcode", "M14 5TQ");
            type(page, "safeNumber", "07700 900123");
            type(page, "safeTimes", "Weekdays 10am to 2pm");
            choose(page, "voicemailAllowed", "no");
            choose(page, "serviceMayIdentifyItself", "no");
            type(page, "coverStory", SCRIPT);
            type(page, "address", SCRIPT);
            type(page, "accessNeeds", SCRIPT);
            browser.follow(By.id("add"));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Needs and risk");
            assertThat(page.findElement(By.id("referral-for")).getText()).contains("Amira " + familyName);
            browser.checkAccessibility();
            choose(page, "needs", "THERAPY");
            choose(page, "crimeTypes", "SEXUAL_ASSAULT");
            choose(page, "riskLevel", "STANDARD");
            choose(page, "urgency", "ROUTINE");
            choose(page, "reportedToPolice", "no");
            type(page, "safeguardingConcerns", SCRIPT);
            browser.follow(By.id("assess"));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Choose a service");
            assertThat(page.findElement(By.cssSelector("main")).getText()).contains("Willow Therapy", "Covers", "Offers Therapy").doesNotContain("Offers THERAPY");
            page.findElement(By.cssSelector("#exclusions summary")).click();
            assertThat(page.findElement(By.id("exclusions")).getText()).contains("Does not offer the support asked for");
            browser.checkAccessibility();
            page.findElement(By.xpath("//label[normalize-space()='Willow Therapy']")).click();
            browser.follow(By.id("choose"));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before sending the referral");
            assertThat(page.findElement(By.id("safe-contact")).getText()).contains("07700 900123", SCRIPT);
            assertThat(page.findElement(By.id("person")).getText()).contains(SCRIPT);
            assertThat(page.getTitle()).doesNotContain("pwned");
            browser.checkAccessibility();
            browser.follow(By.id("submit-referral"));
            assertThat(errorSummary(page)).contains("Select the basis of consent", "Select how consent was given");
            browser.checkAccessibility();
            choose(page, "basis", "GIVEN_BY_PERSON");
            choose(page, "sharing", "contact");
            choose(page, "sharing", "case");
            choose(page, "method", "IN_PERSON");
            browser.follow(By.id("submit-referral"));

            assertThat(page.findElement(By.cssSelector(".govuk-panel__title")).getText()).isEqualTo("Referral sent");
            reference = page.findElement(By.id("confirmed-reference")).getText();
            assertThat(reference).matches("WP-\\d{4}-\\d{6}");
            assertThat(page.manage().getCookies()).extracting(org.openqa.selenium.Cookie::getName)
                    .as("nothing of the journey was kept in one server's memory, so any instance could answer each step: "
                            + "no container session, only the sign-in cookie (ADR 0018)")
                    .containsExactly("waypoint_session");
            browser.checkAccessibility();
            signOut(browser);
        }

        String mail = awaitMail(reference);
        assertThat(mail).doesNotContain(familyName, "Amira", "07700 900123", "07700900123");
        String link = referralLink(mail);

        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open(link);
            assertThat(page.findElement(By.tagName("h1")).getText()).as("the e-mail's link asks a signed-out reader to sign in").isEqualTo("Sign in");
            browser.checkAccessibility();
            signIn(browser, STAFF);
            assertThat(page.getCurrentUrl()).as("and then opens the referral it names").endsWith(link);

            assertThat(page.findElement(By.id("status")).getText()).as("opening it acknowledges it").isEqualTo("Received");
            String main = page.findElement(By.cssSelector("main")).getText();
            assertThat(main.indexOf("Read before contacting the person")).as("safe contact before contact details")
                    .isLessThan(main.indexOf("Amira " + familyName));
            assertThat(main).contains(SCRIPT);
            assertThat(page.getTitle()).doesNotContain("pwned");
            browser.checkAccessibility();
            browser.follow(By.cssSelector("input[value='Accept']"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The referral has been accepted.");
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Accepted");
            type(page, "messageBody", "We will call on Tuesday at 11am. " + SCRIPT);
            browser.follow(By.id("send-message"));
            assertThat(page.findElement(By.id("messages")).getText()).contains("We will call on Tuesday at 11am.");
            assertThat(page.getTitle()).doesNotContain("pwned");
            browser.checkAccessibility();
            signOut(browser);
        }

        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            WebElement row = page.findElement(By.xpath("//a[normalize-space()='" + reference + "']/ancestor::tr"));
            assertThat(row.getText()).contains("Accepted", "Amira " + familyName);
            browser.open(link);
            assertThat(page.getCurrentUrl()).as("a signed-in reader goes straight to the referral").endsWith(link);
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Accepted");
            browser.open("/referrals");
            browser.follow(By.linkText(reference));
            assertThat(page.findElement(By.id("timeline")).getText()).contains("Accepted", "Opened by the service", "Sent to the service");
            assertThat(page.findElement(By.id("messages")).getText())
                    .contains("We will call on Tuesday at 11am.", "Harbour Support Trust (demo)")
                    .containsPattern("(\\d{1,2}(:\\d{2})?[ap]m|midday|midnight) on [A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}");
            assertThat(page.findElement(By.id("timeline")).getText()).doesNotContain("the other side");
            browser.checkAccessibility();
        }
    }

    @Test
    void theDuplicateWarningCancellingRejectionRedirectionTheLifecycleAndWithdrawnConsent() {
        String familyName = personalMarker("Second");
        String toTherapy;
        String toAdvocacy;
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            toTherapy = refer(browser, familyName, false, "THERAPY", "Willow Therapy");
            assertThat(page.findElements(By.cssSelector("[data-action]"))).as("what the domain offers a caseworker on a sent referral")
                    .extracting(e -> e.getAttribute("data-action"))
                    .containsExactlyInAnyOrder("cancel", "withdraw-consent", "entered-in-error", "message");
            assertThat(page.findElements(By.cssSelector("input[value='Accept'], input[value='Reject'], a[data-action='reject']"))).isEmpty();
            assertThat(page.findElements(By.id("confirmed-reference"))).hasSize(1);
            assertThat(page.findElement(By.tagName("main")).getText().split(toTherapy, -1)).as("the reference once").hasSize(2);

            toAdvocacy = refer(browser, familyName, true, "ADVOCACY", "Open Door Advocacy");
            browser.follow(By.linkText("Referrals"));
            browser.follow(By.linkText(toAdvocacy));
            browser.follow(By.linkText("Cancel the referral"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Are you sure you want to cancel this referral?");
            assertThat(page.findElement(By.id("confirm-warning")).getText()).contains("Harbour Support Trust (demo) will be told");
            browser.follow(By.cssSelector("input[value='Yes, cancel the referral']"));
            assertThat(errorSummary(page)).contains("Enter a reason");
            browser.checkAccessibility();
            type(page, "reason", "Made by mistake: the person asked for therapy only. " + SCRIPT);
            browser.follow(By.cssSelector("input[value='Yes, cancel the referral']"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The referral has been cancelled.");
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Cancelled");
            assertThat(page.findElement(By.id("timeline")).getText()).contains("Made by mistake", SCRIPT);
            assertThat(page.getTitle()).doesNotContain("pwned");
            signOut(browser);
        }

        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, STAFF);
            browser.follow(By.linkText(toTherapy));
            choose(page, "businessStatus", "CONTACT_ATTEMPTED");
            browser.follow(By.id("set-business-status"));
            assertThat(page.findElement(By.id("business-status")).getText()).isEqualTo("Contact attempted");
            String address = page.getCurrentUrl().replaceFirst("\\?.*", "");
            browser.follow(By.linkText("Reject"));
            assertThat(page.getCurrentUrl()).endsWith("/reject").doesNotContain(".xhtml");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Are you sure you want to reject this referral?");
            assertThat(page.findElement(By.id("confirm-warning")).getText())
                    .contains("Northshire Police Victim Care Unit (demo) will be told", "cannot be undone");
            browser.checkAccessibility();
            browser.follow(By.linkText("No, go back"));
            assertThat(page.getCurrentUrl()).isEqualTo(address);
            assertThat(page.findElement(By.id("status")).getText()).as("going back changes nothing").isEqualTo("Received");
            browser.follow(By.linkText("Reject"));
            type(page, "reason", "Our waiting list is closed to new referrals this month.");
            browser.follow(By.cssSelector("input[value='Yes, reject the referral']"));
            assertThat(page.findElement(By.className("govuk-error-summary")).getText()).as("the reason's code is asked for")
                    .contains("Select the reason");
            assertThat(page.findElements(By.id("status"))).isEmpty();
            assertThat(page.findElements(By.cssSelector("input[name='reasonCode'][value='MOVED_AWAY']")))
                    .as("only the codes that explain a rejection").isEmpty();
            choose(page, "reasonCode", "NO_CAPACITY");
            type(page, "reason", "Our waiting list is closed to new referrals this month.");
            browser.follow(By.cssSelector("input[value='Yes, reject the referral']"));
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Rejected");
            assertThat(page.findElements(By.cssSelector("[data-action='accept'], [data-action='reject']"))).isEmpty();
            browser.checkAccessibility();
            signOut(browser);
        }

        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            browser.follow(By.linkText(toTherapy));
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Rejected");
            assertThat(page.findElement(By.id("timeline")).getText())
                    .contains("Rejected", "We have no places, or our waiting list is closed", "waiting list is closed",
                            "Harbour Support Trust (demo)");
            browser.checkAccessibility();
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("otherService")))
                    .selectByVisibleText("Open Door Advocacy (Harbour Support Trust (demo))");
            browser.follow(By.id("redirect"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("A new draft has been made");
            consentAndSend(browser);
            String redirected = page.findElement(By.id("confirmed-reference")).getText();

            browser.follow(By.linkText("The person has withdrawn consent"));
            type(page, "reason", "They no longer want any contact from services.");
            browser.follow(By.cssSelector("input[value='Yes, withdraw consent']"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("Consent has been withdrawn");
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Cancelled");
            browser.checkAccessibility();
            browser.open("/referrals?reference=" + redirected);
            assertThat(page.findElement(By.id("referrals")).getText()).contains(redirected, "Cancelled");
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void fromTheStartPageACaseworkerRefersChangesTheNeedsFromCheckingTheAnswersAndSendsWithoutTypingAnAddress() {
        String familyName = personalMarker("Change");
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/");
            browser.follow(By.id("start-sign-in"));
            signIn(browser, CASEWORKER);
            browser.follow(By.linkText("New referral"));
            addAmira(browser, familyName);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Needs and risk");
            choose(page, "needs", "THERAPY");
            choose(page, "crimeTypes", "STALKING");
            choose(page, "riskLevel", "MEDIUM");
            choose(page, "urgency", "ROUTINE");
            choose(page, "reportedToPolice", "yes");
            type(page, "crimeReference", "NP/2026/5678");
            browser.follow(By.id("assess"));
            page.findElement(By.xpath("//label[normalize-space()='Willow Therapy']")).click();
            browser.follow(By.id("choose"));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before sending the referral");
            assertThat(page.findElement(By.id("case")).getText()).contains("Medium", "NP/2026/5678");
            assertThat(page.findElement(By.id("service")).getText()).contains("Willow Therapy");
            assertThat(page.findElement(By.id("change-needs")).getAttribute("textContent")).isEqualTo("Change needs and risk");
            assertThat(page.findElement(By.id("change-person")).getAttribute("textContent")).isEqualTo("Change the person's details");
            assertThat(page.findElement(By.id("change-service")).getAttribute("textContent")).isEqualTo("Change the service");
            browser.checkAccessibility();

            browser.follow(By.id("change-needs"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Needs and risk");
            assertThat(page.getCurrentUrl()).doesNotContain(familyName, "Amira");
            assertThat(page.findElement(By.cssSelector("input[name='needs'][value='THERAPY']")).isSelected()).as("the saved needs").isTrue();
            assertThat(page.findElement(By.cssSelector("input[name='riskLevel'][value='MEDIUM']")).isSelected()).isTrue();
            assertThat(page.findElement(By.id("crimeReference")).getAttribute("value")).isEqualTo("NP/2026/5678");
            assertThat(page.findElement(By.id("area")).getAttribute("value")).isEqualTo("M14 5TQ");
            browser.checkAccessibility();
            choose(page, "riskLevel", "HIGH");
            choose(page, "urgency", "URGENT");
            browser.follow(By.id("assess"));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before sending the referral");
            assertThat(page.findElement(By.id("case")).getText()).contains("High", "Urgent", "NP/2026/5678");
            consentAndSend(browser);
            assertThat(page.findElement(By.id("confirmed-reference")).getText()).matches("WP-\\d{4}-\\d{6}");
            browser.checkAccessibility();
        }
    }

    @Test
    void aDraftLeftAfterThePersonStepOutlivesTheSessionAndIsDiscarded() {
        String familyName = personalMarker("Draft");
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            browser.follow(By.linkText("New referral"));
            addAmira(browser, familyName);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Needs and risk");

            page.manage().deleteAllCookies();
            browser.open("/referrals");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("the session has ended").isEqualTo("Sign in");
            signIn(browser, CASEWORKER);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
            page.findElement(By.cssSelector("#person-search summary")).click();
            type(page, "givenName", "Amira");
            type(page, "familyName", familyName);
            type(page, "dob-day", "12");
            type(page, "dob-month", "5");
            type(page, "dob-year", "2001");
            browser.follow(By.id("find-person"));
            String row = "//*[@id='referrals']//tr[contains(., '" + familyName + "')]";
            assertThat(page.findElement(By.xpath(row)).getText()).contains("Amira " + familyName, "Draft", "Not chosen yet");
            browser.follow(By.xpath(row + "//a"));

            assertThat(page.findElement(By.id("person")).getText()).contains("Amira " + familyName, "M14 5TQ");
            assertThat(page.findElement(By.id("safe-contact")).getText()).contains("07700 900777");
            assertThat(page.findElement(By.id("missing")).getText()).contains("Needs and risk");
            browser.checkAccessibility();
            browser.follow(By.id("discard-draft"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Are you sure you want to discard this draft?");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("This cannot be undone");
            browser.checkAccessibility();
            browser.follow(By.id("confirm-discard"));

            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The draft has been discarded.");
            assertThat(page.findElements(By.xpath(row))).isEmpty();
            browser.checkAccessibility();
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void aCaseworkerMakesAWholeReferralByKeyboardAndSeesWhereTheFocusIsAtEveryStop() {
        String familyName = personalMarker("Keys");
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            Keyboard keys = new Keyboard(browser);
            browser.open("/sign-in");
            keys.tabTo("email").sendKeys(CASEWORKER);
            keys.tabTo("password").sendKeys(PASSWORD);
            keys.press("sign-in-button", Keys.ENTER);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");

            keys.press("start-referral", Keys.ENTER);
            keys.tabTo("givenName").sendKeys("Amira");
            keys.tabTo("familyName").sendKeys(familyName);
            keys.tabTo("dob-day").sendKeys("12");
            keys.tabTo("dob-month").sendKeys("5");
            keys.tabTo("dob-year").sendKeys("2001");
            keys.press("find", Keys.ENTER);

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("About the person");
            keys.radio("gender", "FEMALE");
            keys.tabTo("postcode").sendKeys("M14 5TQ");
            keys.radio("voicemailAllowed", "no");
            keys.radio("serviceMayIdentifyItself", "no");
            keys.press("add", Keys.ENTER);

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Needs and risk");
            keys.checkbox("needs", "THERAPY");
            keys.checkbox("crimeTypes", "STALKING");
            keys.radio("riskLevel", "STANDARD");
            keys.radio("urgency", "ROUTINE");
            keys.radio("reportedToPolice", "no");
            keys.press("assess", Keys.ENTER);

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Choose a service");
            keys.radioLabelled("service", "Willow Therapy");
            keys.press("choose", Keys.ENTER);

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers before sending the referral");
            keys.radio("basis", "GIVEN_BY_PERSON");
            keys.checkbox("sharing", "contact");
            keys.checkbox("sharing", "case");
            keys.radio("method", "TELEPHONE");
            keys.press("submit-referral", Keys.ENTER);
            assertThat(page.findElement(By.cssSelector(".govuk-panel__title")).getText()).isEqualTo("Referral sent");
            assertThat(keys.stops()).as("focus stops, each seen to be visible").isGreaterThan(20);
        }
    }

    /**
     * Moves through a page as a keyboard user does, by Tab (and arrows within a group of radios),
     * checking at every focus stop that the focused element shows it: GOV.UK's yellow focus
     * (outline, box-shadow or background), or for a radio or checkbox, the ring on its label.
     */
    private static final class Keyboard {
        private static final String FOCUS_SHOWN = """
                const e = document.activeElement;
                if (!e || e === document.body) return 'nothing focused';
                const shown = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                        && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent')
                        || (s.boxShadow && s.boxShadow !== 'none')
                        || s.backgroundColor === 'rgb(255, 221, 0)';
                if ((e.type === 'radio' || e.type === 'checkbox') && e.labels && e.labels.length) {
                    return shown(getComputedStyle(e.labels[0], '::before')) ? '' : 'no focus ring on ' + e.id;
                }
                return shown(getComputedStyle(e)) ? '' : 'no visible focus on ' + e.tagName + '#' + e.id + '.' + e.className;
                """;

        private final Browser browser;
        private final WebDriver page;
        private int stops;

        Keyboard(Browser browser) {
            this.browser = browser;
            this.page = browser.driver();
        }

        int stops() {
            return stops;
        }

        private WebElement active() {
            return page.switchTo().activeElement();
        }

        private void step(CharSequence key) {
            active().sendKeys(key);
            stops++;
            Object problem = ((org.openqa.selenium.JavascriptExecutor) page).executeScript(FOCUS_SHOWN);
            assertThat(problem).as("focus visible at stop %d on %s", stops, page.getCurrentUrl()).isEqualTo("");
        }

        /** Tabs forward until the element with this id has focus. */
        WebElement tabTo(String id) {
            return tabUntil(e -> id.equals(e.getAttribute("id")), id);
        }

        private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, String what) {
            for (int i = 0; i < 80 && !wanted.test(active()); i++) {
                step(Keys.TAB);
            }
            assertThat(wanted.test(active())).as("Tab reaches %s on %s", what, page.getCurrentUrl()).isTrue();
            return active();
        }

        /** Tabs to a button or link and presses it, waiting for the page it leads to. */
        void press(String id, CharSequence key) {
            tabTo(id);
            browser.follow(By.id(id), () -> active().sendKeys(key));
        }

        /** Tabs into a group of radios and moves with the arrow keys to the one with this value, which selects it. */
        void radio(String name, String value) {
            tabUntil(e -> name.equals(e.getAttribute("name")), name);
            for (int i = 0; i < 10 && !value.equals(active().getAttribute("value")); i++) {
                step(Keys.ARROW_DOWN);
            }
            if (!active().isSelected()) {
                step(Keys.SPACE);
            }
            assertThat(active().getAttribute("value")).isEqualTo(value);
            assertThat(active().isSelected()).isTrue();
        }

        void radioLabelled(String name, String label) {
            tabUntil(e -> name.equals(e.getAttribute("name")), name);
            for (int i = 0; i < 20 && !label.equals(active().getAccessibleName().strip()); i++) {
                step(Keys.ARROW_DOWN);
            }
            if (!active().isSelected()) {
                step(Keys.SPACE);
            }
            assertThat(active().getAccessibleName()).contains(label);
        }

        /** Tabs to the checkbox with this value and ticks it with Space. */
        void checkbox(String name, String value) {
            tabUntil(e -> name.equals(e.getAttribute("name")) && value.equals(e.getAttribute("value")), name + "=" + value);
            step(Keys.SPACE);
            assertThat(active().isSelected()).isTrue();
        }
    }

    @Test
    void serviceStaffWorkAReferralThroughToCompletion() {
        String reference;
        try (Browser browser = new Browser(base)) {
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            reference = refer(browser, personalMarker("Third"), false, "THERAPY", "Willow Therapy");
            signOut(browser);
        }
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, STAFF);
            browser.follow(By.linkText(reference));
            for (String action : List.of("Accept", "Start work")) {
                browser.follow(By.cssSelector("input[value='" + action + "']"));
            }
            type(page, "reason-hold", "Waiting for an interpreter.");
            browser.follow(By.cssSelector("input[value='Put on hold']"));
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("On hold");
            browser.checkAccessibility();
            browser.follow(By.cssSelector("input[value='Resume']"));
            browser.follow(By.cssSelector("input[value='Complete']"));
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Completed");
            assertThat(page.findElement(By.id("timeline")).getText())
                    .contains("Completed", "Work resumed", "Put on hold", "Waiting for an interpreter.", "Work started", "Accepted");
            browser.checkAccessibility();
        }
    }

    @Test
    void theReportsAreChartsTablesAndCsvFilesWithSmallNumbersHiddenAndEveryReadingAudited() throws Exception {
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            refer(browser, personalMarker("Report"), false, "THERAPY", "Willow Therapy");
            browser.follow(By.id("reports-link"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Reports");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("the referrals your organisation made or received");
            browser.checkAccessibility();

            browser.open("/reports?period=custom&fromDay=31&fromMonth=12&fromYear=2026&toDay=1&toMonth=1&toYear=2026&need=NOPE");
            assertThat(errorSummary(page)).contains("The last day must be the same as or after the first day",
                    "Choose a need from the list");
            assertThat(page.findElements(By.id("report-timeliness"))).isEmpty();
            browser.checkAccessibility();
            signOut(browser);
        }
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.follow(By.id("reports-link"));
            choose(page, "period", "month");
            browser.follow(By.id("show-report"));
            assertThat(page.findElement(By.tagName("main")).getText()).contains("every organisation's referrals");
            for (String figure : List.of("timeliness", "timing", "flow", "services")) {
                WebElement chart = page.findElement(By.cssSelector("#report-" + figure + " svg[role='img']"));
                assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
                        .isEqualTo(page.findElement(By.id("heading-" + figure)).getText());
                List<List<String>> table = new java.util.ArrayList<>();
                for (WebElement row : page.findElements(By.cssSelector("#table-" + figure + " tr"))) {
                    table.add(row.findElements(By.cssSelector("th, td")).stream()
                            .map(cell -> cell.getAttribute("textContent").strip()).toList());
                }
                assertThat(table.stream().flatMap(List::stream)).as("no count from 1 to 4 is shown in " + figure)
                        .noneMatch(cell -> cell.matches("[1-4]"));
                String href = page.findElement(By.id("csv-" + figure)).getAttribute("href");
                HttpResponse<String> csv = fetch(href, sessionCookie(page));
                assertThat(csv.statusCode()).isEqualTo(200);
                assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
                List<List<String>> fromCsv = csv.body().lines().map(PagesIT::csvLine).toList();
                assertThat(fromCsv).as("the CSV of " + figure + " is its table").isEqualTo(table.stream()
                        .map(row -> row.stream().map(PagesIT::plain).toList()).toList());
            }
            assertThat(page.findElement(By.id("table-flow")).getText()).contains("Sent", "Received", "Total");
            browser.checkAccessibility();

            HttpResponse<String> quarterly = fetch(page.findElement(By.id("quarterly-return")).getAttribute("href"), sessionCookie(page));
            assertThat(quarterly.body().lines().findFirst()).contains("quarter,section,category,referrals");
            assertThat(quarterly.body()).contains(",received,ALL,", ",crime_type,STALKING,", ",outcome,CONSENT_WITHDRAWN,");
            assertThat(quarterly.body().lines().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1)))
                    .noneMatch(count -> count.matches("[1-4]"));

            browser.open("/admin/audit?recordId=reports");
            assertThat(page.findElement(By.id("events")).getText()).contains("REPORT", "reports");
            browser.open("/admin/audit?recordId=quarterly-return");
            assertThat(page.findElement(By.id("events")).getText()).contains("REPORT", "quarterly-return");
        }
    }

    private HttpResponse<String> fetch(String href, String session) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(base.toURI().resolve(URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery()))
                        .header("Cookie", "waypoint_session=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A table cell as the CSV file holds it: hidden figures empty, numbers without separators or per cent signs. */
    private static String plain(String cell) {
        if (cell.equals("fewer than 5") || cell.equals("withheld") || cell.equals("not shown")) {
            return "";
        }
        return cell.matches("[0-9,.]+%?") ? cell.replace(",", "").replace("%", "") : cell;
    }

    /** One line of a CSV file, its quoted fields unquoted. */
    private static List<String> csvLine(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Test
    void anAdministratorKeepsServicesAndAccountsAndANewAccountsHolderChangesTheirPassword() {
        String email = "nadia." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Refer people affected by crime to support");
            browser.checkAccessibility();
            signInAsAdministrator(browser);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Administration");
            browser.checkAccessibility();
            for (String link : List.of("link-organisations", "link-services", "link-api-clients", "link-outbox", "link-audit")) {
                browser.open("/admin/");
                browser.follow(By.id(link));
                browser.checkAccessibility();
            }
            browser.follow(By.id("search"));
            assertThat(page.findElement(By.id("events")).getText()).as("the audit log holds the sign-ins' reads").isNotBlank();
            browser.follow(By.id("verify-chain"));
            assertThat(page.findElement(By.id("chain-whole")).getText()).as("the audit trail's hash chains are whole")
                    .contains("The audit trail is whole");
            browser.checkAccessibility();
            browser.open("/admin/");
            browser.follow(By.id("link-users"));
            browser.follow(By.id("add-account-button"));
            assertThat(errorSummary(page)).isNotBlank();
            browser.checkAccessibility();
            type(page, "email", email);
            type(page, "displayName", "Nadia New");
            org.openqa.selenium.support.ui.Select organisation = new org.openqa.selenium.support.ui.Select(page.findElement(By.id("organisation")));
            organisation.getOptions().stream().filter(o -> o.getText().startsWith("Northshire Police Victim Care Unit")).findFirst()
                    .orElseThrow().click();
            choose(page, "newRole", "CASEWORKER");
            type(page, "password", "first-password-123");
            browser.follow(By.id("add-account-button"));
            assertThat(page.findElement(By.id("accounts")).getText()).contains("Nadia New", email);
            String nadia = "//tr[contains(., '" + email + "')]";
            browser.follow(By.xpath(nadia + "//input[@value='Disable']"));
            assertThat(page.findElement(By.xpath(nadia)).getText()).contains("Disabled");
            browser.follow(By.xpath(nadia + "//input[@value='Enable']"));
            assertThat(page.findElement(By.xpath(nadia)).getText()).contains("Enabled");

            browser.open("/admin/api-clients");
            browser.follow(By.id("add-api-client-button"));
            assertThat(errorSummary(page)).isNotBlank();
            browser.checkAccessibility();
            type(page, "name", "Northshire case system");
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("organisation"))).getOptions().stream()
                    .filter(o -> o.getText().startsWith("Northshire Police Victim Care Unit")).findFirst().orElseThrow().click();
            choose(page, "newRole", "CASEWORKER");
            choose(page, "scopes", "REFERRALS_READ");
            browser.follow(By.id("add-api-client-button"));
            assertThat(page.findElement(By.id("client-secret")).getText()).as("the secret, shown this once").startsWith("wpcs_");
            browser.checkAccessibility();
            String system = "//tr[contains(., 'Northshire case system')]";
            assertThat(page.findElement(By.xpath(system)).getText()).contains("referrals:read", "Active");
            browser.follow(By.xpath(system + "//input[@value='Revoke']"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("revoked");
            assertThat(page.findElement(By.xpath(system)).getText()).contains("Revoked").doesNotContain("wpcs_");

            browser.open("/admin/services");
            page.findElement(By.cssSelector("label[for='capacity-0-1']")).click();
            type(page, "waitWeeks-0", "5");
            browser.follow(By.xpath("(//input[@type='submit' and @value='Save capacity'])[1]"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The capacity has been changed.");
            assertThat(page.findElement(By.id("last-modified-0")).getText()).as("the change is when the service last changed")
                    .contains(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                            .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
            browser.checkAccessibility();
            browser.open("/");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Waiting list", "about 5 weeks");
            signOut(browser);

            signIn(browser, email, "first-password-123");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
            browser.follow(By.id("account-link"));
            browser.checkAccessibility();
            type(page, "currentPassword", "not-my-password-1");
            type(page, "newPassword", "a-better-pass-phrase");
            type(page, "confirmPassword", "a-better-pass-phrase");
            browser.follow(By.id("change-password-button"));
            assertThat(errorSummary(page)).contains("Your current password is not right");
            type(page, "currentPassword", "first-password-123");
            type(page, "newPassword", "a-better-pass-phrase");
            type(page, "confirmPassword", "a-better-pass-phrase");
            browser.follow(By.id("change-password-button"));
            assertThat(page.findElement(By.id("notice")).getText()).startsWith("Your password has been changed.");
            signOut(browser);

            signIn(browser, email, "first-password-123");
            assertThat(errorSummary(page)).contains("Enter a correct e-mail address and password");
            browser.checkAccessibility();
            signIn(browser, email, "a-better-pass-phrase");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
            browser.open("/admin/users");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("administration is not for caseworkers").isEqualTo("Page not found");
            browser.open("/api/v1/me");
            assertThat(page.findElement(By.tagName("body")).getText()).as("the API knows the browser session")
                    .contains("\"email\":\"" + email + "\"", "\"role\":\"CASEWORKER\"");
        }
    }

    /**
     * Text beyond ASCII (accents, Welsh, typographic dashes and quotes, and an emoji outside the Basic
     * Multilingual Plane) comes back from a form exactly as typed: the form's own answer (the error
     * path) and the saved record. Browsers send forms in the page's UTF-8 without saying so; the
     * request has to be read as UTF-8 before anything reads a parameter of it.
     */
    @Test
    void anAdministratorFindsAPersonByReferenceHoldsThemAndErasesThemOnceTheHoldIsLifted() throws InterruptedException {
        String familyName = personalMarker("Erase");
        String reference;
        try (Browser browser = new Browser(base)) {
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            reference = refer(browser, familyName, false, "THERAPY", "Willow Therapy");
            signOut(browser);
        }
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.follow(By.id("link-retention"));
            assertThat(page.findElement(By.id("dry-run")).getText()).contains("Draft never sent");
            browser.checkAccessibility();
            type(page, "reference", "WP-1999-000001");
            browser.follow(By.id("find-person"));
            assertThat(errorSummary(page)).contains("Enter the reference of a referral that exists");
            type(page, "reference", reference);
            browser.follow(By.id("find-person"));
            assertThat(page.findElement(By.id("person-referrals")).getText()).contains(reference);
            assertThat(page.findElement(By.tagName("main")).getText()).as("never the name").doesNotContain(familyName);
            browser.follow(By.id("set-hold"));
            assertThat(errorSummary(page)).contains("Choose what to hold", "Enter a reason");
            browser.checkAccessibility();
            choose(page, "holdOn", "person");
            type(page, "holdReason", "Court order 2026/117");
            browser.follow(By.id("set-hold"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The legal hold is set.");
            assertThat(page.findElement(By.id("holds")).getText()).contains("Court order 2026/117", "Standing");
            type(page, "eraseReason", "The person asked, request 88");
            browser.follow(By.id("erase"));
            assertThat(errorSummary(page)).contains("cannot be erased while a legal hold stands");
            choose(page, "hold", page.findElements(By.cssSelector("input[name='hold']")).get(0).getAttribute("value"));
            type(page, "liftReason", "Order discharged");
            browser.follow(By.id("lift-hold"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The legal hold is lifted.");
            type(page, "eraseReason", "The person asked, request 88");
            browser.follow(By.id("erase"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The person is erased.");
            assertThat(page.findElement(By.id("anonymised")).getText()).contains("anonymised");
            assertThat(page.findElement(By.id("person-referrals")).getText()).contains(reference, "Cancelled");
            browser.checkAccessibility();
        }
        assertThat(awaitMail(reference, "withdrawn")).as("the service is told to stop work on the referral")
                .doesNotContain(familyName);
    }

    @Test
    void textBeyondAsciiSurvivesAFormExactlyAsTyped() {
        String name = "Café Ŵelsh – ’quote’ 😀 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.open("/admin/organisations");
            // ChromeDriver types only the Basic Multilingual Plane; the browser submits the value all the same.
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]",
                    page.findElement(By.id("name")), name);
            browser.follow(By.id("add-organisation-button"));
            assertThat(errorSummary(page)).as("no kind chosen").isNotBlank();
            assertThat(page.findElement(By.id("name")).getAttribute("value")).as("the value sent, shown back").isEqualTo(name);
            choose(page, "kind", "PROVIDER");
            browser.follow(By.id("add-organisation-button"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The organisation has been added.");
            assertThat(page.findElements(By.xpath("//table[@id='organisations']//td")).stream().map(WebElement::getText))
                    .as("saved and read back").contains(name);
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void anAdministratorChecksWhatImportingADirectoryByItsOrukAddressWouldChange() {
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.open("/admin/");
            browser.follow(By.id("link-import"));
            browser.checkAccessibility();
            browser.follow(By.id("check"));
            assertThat(errorSummary(page)).contains("Enter the address of the directory's API");
            browser.checkAccessibility();
            type(page, "url", base + "sign-in");
            browser.follow(By.id("check"));
            assertThat(errorSummary(page)).contains("The directory cannot be imported: The directory answered 404 to /sign-in/services.");
            type(page, "url", base.toString().replace("://", "://someone:secret@") + "oruk");
            browser.follow(By.id("check"));
            assertThat(errorSummary(page)).as("the address policy's refusal, naming the rule and not the address")
                    .contains("The directory cannot be imported: The address is not allowed: url needs a host, and has no user name, password or fragment.")
                    .doesNotContain("secret");
            type(page, "url", base + "oruk");
            browser.follow(By.id("check"));
            assertThat(page.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
            assertThat(Integer.parseInt(page.findElement(By.id("count-unchanged")).getText()))
                    .as("this very directory, read through its own ORUK API, is what it is").isPositive();
            assertThat(page.findElement(By.id("count-new")).getText()).isEqualTo("0");
            assertThat(page.findElements(By.id("apply"))).as("nothing to apply").isEmpty();
            browser.checkAccessibility();
        }
    }

    @Test
    void anAdministratorImportsAnOrukFileMapsItsUnknownTermAndOpensAnImportedServiceByGivingItAnInbox() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String counselling = "Zephyr Counselling " + run;
        String listening = "Zephyr Listening " + run;
        String foreignTerm = "zephyr-listening-" + run;
        String organisation = "{\"id\": \"zephyr-trust-" + run + "\", \"name\": \"Zephyr Trust " + run + "\", \"description\": \"A trust.\"}";
        Path notJson = orukFile("{\"contents\": [ this is not JSON");
        Path broken = orukFile("{\"contents\": [" + orukService("zephyr-broken-" + run, "Zephyr Broken " + run, organisation,
                org.waypoint.core.directory.PublishedTaxonomy.termId(org.waypoint.core.directory.PublishedTaxonomy.Facet.NEEDS, "THERAPY"),
                "Therapy", "TR1") + ", {\"id\": \"zephyr-nameless-" + run + "\", \"status\": \"open\"}]}");
        Path directory = orukFile("{\"total_items\": 2, \"total_pages\": 1, \"page_number\": 1, \"contents\": ["
                + orukService("zephyr-a-" + run, counselling, organisation,
                org.waypoint.core.directory.PublishedTaxonomy.termId(org.waypoint.core.directory.PublishedTaxonomy.Facet.NEEDS, "THERAPY"),
                "Therapy", "TR1")
                + ", " + orukService("zephyr-b-" + run, listening, organisation, foreignTerm, "Listening support", "TR2") + "]}");
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.follow(By.id("link-import"));
            browser.follow(By.id("check-file"));
            assertThat(errorSummary(page)).contains("Select an Open Referral UK JSON file");
            page.findElement(By.id("file")).sendKeys(notJson.toString());
            browser.follow(By.id("check-file"));
            assertThat(errorSummary(page)).contains("The file cannot be imported: The source is not valid JSON");
            browser.checkAccessibility();
            page.findElement(By.id("file")).sendKeys(broken.toString());
            browser.follow(By.id("check-file"));
            assertThat(errorSummary(page)).contains("The file cannot be imported: Service 2: name is missing.");
            assertThat(page.findElement(By.id("file-problems")).getText()).contains("Service 2: status is not one of");
            assertThat(page.findElements(By.id("report"))).as("no report of a file refused").isEmpty();
            assertThat(page.findElements(By.id("kept"))).as("nor is it kept").isEmpty();

            page.findElement(By.id("file")).sendKeys(directory.toString());
            browser.follow(By.id("check-file"));
            assertThat(page.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
            assertThat(page.findElement(By.id("count-new")).getText()).isEqualTo("1");
            assertThat(page.findElement(By.id("count-skipped")).getText()).isEqualTo("1");
            assertThat(page.findElement(By.id("services")).getText()).contains(counselling, listening);
            assertThat(page.findElement(By.id("unmapped")).getText()).contains("Listening support (" + foreignTerm + "): 1 services");
            browser.checkAccessibility();
            browser.open("/admin/services");
            assertThat(page.findElement(By.tagName("main")).getText()).as("a dry run changes nothing").doesNotContain(counselling, "Zephyr Broken " + run);

            browser.open("/admin/import");
            assertThat(page.findElement(By.id("kept")).getText()).as("the checked file is kept for the apply").contains(directory.getFileName().toString());
            assertThat(page.manage().getCookieNamed("waypoint_import")).as("the container's session cookie, which keeps it")
                    .satisfies(kept -> assertThat(kept.isHttpOnly()).isTrue(), kept -> assertThat(kept.getSameSite()).isEqualTo("Strict"));
            browser.follow(By.id("check-kept"));
            browser.follow(By.partialLinkText("Listening support"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Import term mapping");
            assertThat(page.findElement(By.id("sourceTerm")).getAttribute("value")).as("the report's term, filled in").isEqualTo(foreignTerm);
            browser.follow(By.id("map"));
            assertThat(errorSummary(page)).contains("Choose the Waypoint term it means");
            browser.checkAccessibility();
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("waypointTerm")))
                    .selectByValue(org.waypoint.core.directory.PublishedTaxonomy.termId(org.waypoint.core.directory.PublishedTaxonomy.Facet.NEEDS, "COUNSELLING"));
            browser.follow(By.id("map"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("The term has been mapped.");
            assertThat(page.findElement(By.xpath("//table[@id='mappings']//tr[contains(., '" + foreignTerm + "')]")).getText())
                    .contains("Waypoint support needs", "Counselling");
            browser.checkAccessibility();

            browser.follow(By.id("back-to-import"));
            browser.follow(By.id("check-kept"));
            assertThat(page.findElement(By.id("count-new")).getText()).as("the mapped term makes the second service importable").isEqualTo("2");
            assertThat(page.findElements(By.id("unmapped"))).isEmpty();
            browser.follow(By.id("apply-file"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("Import applied: 2 new services, 0 changed.");
            assertThat(page.findElements(By.id("kept"))).as("an applied file is no longer kept").isEmpty();

            browser.open("/admin/services");
            browser.follow(By.id("show-without-inbox"));
            String card = "//div[contains(@class, 'govuk-summary-card')][.//h3[normalize-space()='" + counselling + "']]";
            assertThat(page.findElement(By.xpath(card)).getText()).contains("No referral inbox", "Closed", "None: closed to referrals until one is set");
            assertThat(page.findElement(By.xpath("//div[contains(@class, 'govuk-summary-card')][.//h3[normalize-space()='" + listening + "']]")).getText())
                    .contains("No referral inbox");
            browser.checkAccessibility();
            WebElement inbox = page.findElement(By.xpath(card + "//input[@name='referralInbox']"));
            inbox.sendKeys("not an address");
            browser.follow(By.xpath(card + "//input[@type='submit' and @value='Save inbox and open to referrals']"));
            assertThat(errorSummary(page)).contains("Enter the referral inbox of " + counselling + " as an e-mail address");
            browser.checkAccessibility();
            inbox = page.findElement(By.xpath(card + "//input[@name='referralInbox']"));
            inbox.clear();
            inbox.sendKeys("referrals@zephyr.example.org");
            browser.follow(By.xpath(card + "//input[@type='submit' and @value='Save inbox and open to referrals']"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The referral inbox has been set and the service is now taking referrals.");
            assertThat(page.findElements(By.xpath(card))).as("it has an inbox now").isEmpty();
            browser.follow(By.id("show-all"));
            while (page.findElements(By.xpath(card)).isEmpty()) {
                browser.follow(By.cssSelector("a[rel='next']"));
            }
            assertThat(page.findElement(By.xpath(card)).getText()).contains("Open", "referrals@zephyr.example.org").doesNotContain("No referral inbox");
            browser.open("/admin/audit");
            browser.follow(By.id("search"));
            assertThat(page.findElement(By.id("events")).getText()).as("the mapping and the inbox are audited as through the API")
                    .contains("ORUK import term mapped", "changed capacity,inbox");
        }
    }

    /** A file of that content, as an administrator would choose to upload. */
    private static Path orukFile(String content) throws IOException {
        Path file = Files.createTempFile("oruk-", ".json");
        file.toFile().deleteOnExit();
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** One active ORUK 3.0 service with one taxonomy term and one postcode district. */
    private static String orukService(String id, String name, String organisation, String termId, String termName, String district) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"status\": \"active\", \"description\": \"Support for "
                + name + ".\", \"organization\": " + organisation + ", \"attributes\": [{\"id\": \"attr-" + id
                + "\", \"taxonomy_term_id\": \"" + termId + "\", \"taxonomy_term\": {\"id\": \"" + termId + "\", \"name\": \""
                + termName + "\", \"description\": \"A term.\"}}], \"service_areas\": [{\"id\": \"area-" + id + "\", \"name\": \""
                + district + "\", \"extent_type\": \"postcode_district\", \"extent\": \"" + district + "\"}]}";
    }

    @Test
    void aForgottenPasswordIsResetByTheLinkInTheEmailWhichSignsOutEveryOtherSessionAndWorksOnce() throws Exception {
        String email = "rosa." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        try (Browser admin = new Browser(base)) {
            admin.open("/sign-in");
            signIn(admin, "admin@example.org");
            addCaseworker(admin, email, "Rosa Reset", "first-password-123");
        }
        try (Browser elsewhere = new Browser(base); Browser browser = new Browser(base)) {
            elsewhere.open("/sign-in");
            signIn(elsewhere, email, "first-password-123");
            assertThat(elsewhere.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");

            WebDriver page = browser.driver();
            browser.open("/sign-in");
            browser.follow(By.id("forgot-password-link"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Reset your password");
            browser.checkAccessibility();
            browser.follow(By.id("send-link-button"));
            assertThat(errorSummary(page)).contains("Enter your e-mail address");
            browser.checkAccessibility();
            type(page, "email", email.toUpperCase(java.util.Locale.ROOT));
            browser.follow(By.id("send-link-button"));
            String answer = page.findElement(By.tagName("main")).getText();
            assertThat(answer).contains("If an account exists for that address, we have sent a link", "30 minutes")
                    .doesNotContain(email);
            assertThat(page.getCurrentUrl()).doesNotContain("rosa");
            browser.checkAccessibility();

            browser.open("/forgot-password");
            type(page, "email", "nobody." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
            browser.follow(By.id("send-link-button"));
            assertThat(page.findElement(By.tagName("main")).getText()).as("an unknown address reads the same").isEqualTo(answer);

            String mail = awaitMail(email);
            assertThat(mail).contains("Subject: Waypoint: reset your password").doesNotContain("Rosa");
            java.util.regex.Matcher link = java.util.regex.Pattern
                    .compile("https?://[^/\\s]+([^\\s\"]*/reset-password\\?token=[A-Za-z0-9_-]{43})").matcher(mail);
            assertThat(link.find()).as("a reset link in the e-mail:%n%s", mail).isTrue();
            String path = link.group(1).replaceFirst("^" + java.util.regex.Pattern.quote(base.getPath().replaceAll("/$", "")), "");

            browser.followFromAnotherSite(path, By.id("reset-password-button"));
            assertThat(page.getCurrentUrl()).as("the token is taken out of the address").doesNotContain("token");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Choose a new password");
            browser.checkAccessibility();
            type(page, "newPassword", "a-reset-pass-phrase");
            type(page, "confirmPassword", "a-different-phrase");
            browser.follow(By.id("reset-password-button"));
            assertThat(errorSummary(page)).contains("The two new passwords do not match");
            browser.checkAccessibility();
            type(page, "newPassword", "a-reset-pass-phrase");
            type(page, "confirmPassword", "a-reset-pass-phrase");
            browser.follow(By.id("reset-password-button"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("Your password has been changed");
            browser.checkAccessibility();

            elsewhere.open("/referrals");
            assertThat(elsewhere.driver().findElement(By.tagName("h1")).getText())
                    .as("the session signed in before the reset has ended").isEqualTo("Sign in");

            browser.followFromAnotherSite(path, By.id("link-problem"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("This link no longer works");
            assertThat(page.findElement(By.id("link-problem")).getText()).contains("already been used");
            browser.checkAccessibility();

            browser.open("/sign-in");
            signIn(browser, email, "first-password-123");
            assertThat(errorSummary(page)).contains("Enter a correct e-mail address and password");
            signIn(browser, email, "a-reset-pass-phrase");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
        }
    }

    /**
     * Issue #19's second factor, as people meet it: a caseworker (for whom it is optional on this
     * server) sets an authenticator app up from the QR page and is shown recovery codes once; signing in
     * then asks for a code, a replayed code is refused and a recovery code works once; an administrator
     * (who always needs one) resets it, which signs the caseworker out; and a password reset by e-mail
     * still asks for the code.
     */
    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void aSecondFactorIsSetUpAskedForAtSignInRefusesReplaysAndIsResetByAnAdministrator() throws Exception {
        String email = "tariq." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        SecondFactor.forget(email);
        try (Browser admin = new Browser(base)) {
            WebDriver page = admin.driver();
            admin.open("/sign-in");
            type(page, "email", "admin@example.org");
            type(page, "password", PASSWORD);
            admin.follow(By.id("sign-in-button"));
            assertThat(URI.create(page.getCurrentUrl()).getPath()).as("an administrator always needs a second factor")
                    .endsWith("second-factor");
            admin.open("/admin/");
            assertThat(URI.create(page.getCurrentUrl()).getPath()).as("nothing else before it").endsWith("second-factor");
            admin.open("/sign-in");
            signIn(admin, "admin@example.org");
            addCaseworker(admin, email, "Tariq Two", "first-password-123");
        }
        List<String> recovery;
        String usedCode;
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, email, "first-password-123");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("optional for caseworkers here").isEqualTo("Your organisation's referrals");
            browser.follow(By.id("account-link"));
            assertThat(page.findElement(By.id("second-factor-status")).getText()).contains("You have not set up an authenticator app");
            browser.follow(By.id("set-up-second-factor"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Set up an authenticator app");
            assertThat(page.findElements(By.cssSelector("svg#qr-code path"))).as("a QR code drawn on the server").hasSize(1);
            String secret = page.findElement(By.id("totp-secret")).getText();
            assertThat(secret.replace(" ", "")).matches("[A-Z2-7]{32}");
            browser.checkAccessibility();
            type(page, "code", "12345");
            browser.follow(By.id("set-up-button"));
            assertThat(errorSummary(page)).contains("Enter the code your authenticator app shows now");
            assertThat(page.findElement(By.id("totp-secret")).getText()).as("the same key, shown again").isEqualTo(secret);
            browser.checkAccessibility();
            SecondFactor.remember(email, secret);
            type(page, "code", SecondFactor.nextCode(email));
            browser.follow(By.id("set-up-button"));
            recovery = page.findElements(By.cssSelector("#recovery-codes li")).stream().map(WebElement::getText).toList();
            assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("([A-Z2-7]{4}-){5}[A-Z2-7]{4}"));
            browser.checkAccessibility();
            browser.follow(By.id("continue"));
            assertThat(page.findElement(By.id("second-factor-status")).getText()).contains("Recovery codes left: 10");
            signOut(browser);

            type(page, "email", email);
            type(page, "password", "first-password-123");
            browser.follow(By.id("sign-in-button"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Enter the code from your authenticator app");
            String pending = sessionCookie(page);
            browser.checkAccessibility();
            browser.open("/referrals");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("the password alone signs nobody in")
                    .isEqualTo("Enter the code from your authenticator app");
            browser.open("/api/v1/me");
            assertThat(page.findElement(By.tagName("body")).getText()).as("nor to the API").doesNotContain(email);
            browser.open("/second-factor");
            usedCode = SecondFactor.nextCode(email);
            type(page, "code", usedCode);
            browser.follow(By.id("second-factor-button"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
            assertThat(sessionCookie(page)).as("a new secret once signed in").isNotEqualTo(pending);
            signOut(browser);

            type(page, "email", email);
            type(page, "password", "first-password-123");
            browser.follow(By.id("sign-in-button"));
            type(page, "code", usedCode);
            browser.follow(By.id("second-factor-button"));
            assertThat(errorSummary(page)).as("a code works once").contains("Enter a correct code");
            browser.checkAccessibility();
            type(page, "code", recovery.get(0));
            browser.follow(By.id("second-factor-button"));
            assertThat(page.findElement(By.tagName("h1")).getText()).as("a recovery code").isEqualTo("Your organisation's referrals");
            signOut(browser);
            type(page, "email", email);
            type(page, "password", "first-password-123");
            browser.follow(By.id("sign-in-button"));
            type(page, "code", recovery.get(0));
            browser.follow(By.id("second-factor-button"));
            assertThat(errorSummary(page)).as("a recovery code works once").contains("Enter a correct code");
            type(page, "code", SecondFactor.nextCode(email));
            browser.follow(By.id("second-factor-button"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");

            try (Browser admin = new Browser(base)) {
                WebDriver adminPage = admin.driver();
                admin.open("/sign-in");
                signIn(admin, "admin@example.org");
                admin.open("/admin/users");
                admin.follow(By.xpath("//tr[td[contains(., '" + email + "')]]//input[@value='Reset authenticator app']"));
                assertThat(adminPage.findElement(By.id("notice")).getText()).contains("authenticator app has been reset");
                admin.checkAccessibility();
            }
            browser.open("/referrals");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("signed out by the reset").isEqualTo("Sign in");
            SecondFactor.forget(email);
            signIn(browser, email, "first-password-123");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("no code asked once reset").isEqualTo("Your organisation's referrals");

            browser.open("/set-up-second-factor");
            SecondFactor.remember(email, page.findElement(By.id("totp-secret")).getText());
            type(page, "code", SecondFactor.nextCode(email));
            browser.follow(By.id("set-up-button"));
            assertThat(page.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            browser.follow(By.id("continue"));
            signOut(browser);

            browser.open("/forgot-password");
            type(page, "email", email);
            browser.follow(By.id("send-link-button"));
            String mail = awaitMail(email);
            java.util.regex.Matcher link = java.util.regex.Pattern
                    .compile("https?://[^/\\s]+([^\\s\"]*/reset-password\\?token=[A-Za-z0-9_-]{43})").matcher(mail);
            assertThat(link.find()).as("a reset link in the e-mail:%n%s", mail).isTrue();
            browser.open(link.group(1).replaceFirst("^" + java.util.regex.Pattern.quote(base.getPath().replaceAll("/$", "")), ""));
            type(page, "newPassword", "a-reset-pass-phrase");
            type(page, "confirmPassword", "a-reset-pass-phrase");
            browser.follow(By.id("reset-password-button"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("Your password has been changed");
            type(page, "email", email);
            type(page, "password", "a-reset-pass-phrase");
            browser.follow(By.id("sign-in-button"));
            assertThat(page.findElement(By.tagName("h1")).getText()).as("a reset password still needs the code")
                    .isEqualTo("Enter the code from your authenticator app");
            type(page, "code", SecondFactor.nextCode(email));
            browser.follow(By.id("second-factor-button"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your organisation's referrals");
        }
    }

    @Test
    void aCaseworkerCorrectsThePersonsNameAndTheServiceSeesTheCorrectedName() {
        String familyName = personalMarker("Corrected");
        String referral;
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            refer(browser, familyName, false, "THERAPY", "Willow Therapy");
            referral = URI.create(page.getCurrentUrl()).getPath().substring(base.getPath().length() - 1);
            browser.open(referral);
            browser.follow(By.id("correct-person"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Correct the person's details");
            assertThat(page.findElement(By.id("givenName")).getAttribute("value")).isEqualTo("Amira");
            browser.checkAccessibility();

            type(page, "givenName", " ");
            type(page, "postcode", "not a postcode");
            browser.follow(By.id("save"));
            assertThat(errorSummary(page)).contains("Enter their given name", "postcode");
            browser.checkAccessibility();

            // Someone else corrects the record (by the API) while this form is open: the form says so and changes nothing.
            ApiClient api = ApiClient.anonymous(base).signIn(CASEWORKER, PASSWORD);
            String person = api.get("api/v1" + referral).json().getJsonObject("client").getString("id");
            ApiClient.Reply read = api.get("api/v1/clients/" + person);
            ApiClient.Reply meanwhile = api.put("api/v1/clients/" + person, jakarta.json.Json.createObjectBuilder()
                    .add("givenName", "Amira").add("familyName", familyName).add("dateOfBirth", "2001-05-12")
                    .add("gender", "FEMALE").add("postcode", "M14 5TQ").add("accessNeeds", "Large print")
                    .add("safeContact", jakarta.json.Json.createObjectBuilder().add("voicemailAllowed", false)
                            .add("serviceMayIdentifyItself", true)).build(),
                    java.util.Map.of("If-Match", read.etag()));
            assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
            type(page, "givenName", "Amina");
            type(page, "postcode", "M14 5TQ");
            browser.follow(By.id("save"));
            assertThat(errorSummary(page)).contains("Someone else changed this person's record");

            browser.open(referral + "/person");
            type(page, "givenName", "Amina");
            browser.follow(By.id("save"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The person's details have been corrected.");
            assertThat(page.findElement(By.id("person")).getText()).contains("Amina " + familyName).doesNotContain("Amira");
            signOut(browser);
        }
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, STAFF);
            browser.open(referral);
            assertThat(page.findElement(By.id("person")).getText()).contains("Amina " + familyName).doesNotContain("Amira");
            assertThat(page.findElements(By.id("correct-person"))).as("only the recording organisation corrects").isEmpty();
            browser.open(referral + "/person");
            assertThat(page.findElements(By.id("save"))).isEmpty();
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        }
    }

    @Test
    void anAdministratorDownloadsEverythingHeldAboutAPersonByAReferralReferenceUncachedAndAudited() throws Exception {
        String familyName = personalMarker("Access");
        String reference;
        try (Browser browser = new Browser(base)) {
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            reference = refer(browser, familyName, false, "THERAPY", "Willow Therapy");
            signOut(browser);
        }
        awaitMail(reference);
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.open("/admin/");
            browser.follow(By.id("link-subject-access"));
            type(page, "reference", "WP-2026");
            browser.follow(By.id("export-button"));
            assertThat(errorSummary(page)).contains("Enter a referral reference", "Enter the reason for the export");
            browser.checkAccessibility();
            type(page, "reference", "WP-1999-999999");
            type(page, "reason", "SAR 7 by letter");
            browser.follow(By.id("export-button"));
            assertThat(errorSummary(page)).contains("No referral has this reference");

            // The download itself, as the browser would send the form, with the signed-in session.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = "waypoint_session=" + sessionCookie(page);
            URI address = base.toURI().resolve("admin/subject-access");
            String form = http.send(HttpRequest.newBuilder(address).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String viewState = form.replaceAll("(?s).*name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\".*", "$1");
            String token = form.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
            String body = "subject-access=subject-access&reference=" + reference + "&reason=SAR+7+by+letter"
                    + "&export-button=Download&csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + "&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8);
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(address).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
            assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .matches("attachment; filename=\"waypoint-subject-access-\\d{4}-\\d{2}-\\d{2}\\.zip\"")
                    .doesNotContain(familyName).doesNotContain(reference));
            java.util.Map<String, String> files = new java.util.HashMap<>();
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                    new java.io.ByteArrayInputStream(download.body()), StandardCharsets.UTF_8)) {
                for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(files).containsOnlyKeys("subject-access.html", "subject-access.json");
            assertThat(files.values()).allSatisfy(file -> assertThat(file)
                    .contains(familyName, "Amira", "2001-05-12", "M14 5TQ", "NP/2026/1234", reference, "NEW_REFERRAL", "SAR 7 by letter"));
            String person = jakarta.json.Json.createReader(new java.io.StringReader(files.get("subject-access.json")))
                    .readObject().getJsonArray("export").getJsonObject(0).getString("personId");

            browser.open("/admin/audit?recordId=" + person);
            assertThat(page.findElement(By.id("events")).getText()).contains("subject access: SAR 7 by letter");
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void theAuditPageNamesTheArchiveFolderInsideTheDataFolderAndAnArchiveNotRecordedIsNotServed() throws Exception {
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            signInAsAdministrator(browser);
            browser.open("/admin/audit");
            assertThat(page.findElement(By.id("archive-lead")).getText())
                    .contains(Path.of(System.getProperty("waypoint.it.data-dir")).toAbsolutePath().normalize().resolve("audit-archive").toString());
            assertThat(page.findElement(By.id("no-archives")).getText()).isEqualTo("No events have been archived yet.");
            browser.checkAccessibility();

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(base.toURI().resolve("admin/audit-archive?id=nothing"))
                    .header("Cookie", "waypoint_session=" + sessionCookie(page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-store");
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.toURI().resolve("admin/audit-archive?id=nothing"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isIn(302, 303, 401);
        }
    }

    @Test
    void aCaseworkerFindsAReferralByReferenceAndByNameAndDateOfBirthWhichNeverReachTheAddress() {
        String familyName = personalMarker("Finder");
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            assertThat(page.findElements(By.linkText("Your services"))).as("service pages are not for caseworkers").isEmpty();
            String reference = refer(browser, familyName, false, "THERAPY", "Willow Therapy");

            browser.open("/referrals");
            type(page, "reference", reference.toLowerCase(java.util.Locale.ROOT));
            browser.follow(By.id("filter"));
            assertThat(page.findElement(By.id("referrals")).getText()).contains(reference, "Amira " + familyName);
            assertThat(page.findElements(By.cssSelector("#referrals tbody tr"))).hasSize(1);
            browser.checkAccessibility();

            browser.open("/referrals?reference=WP-123");
            assertThat(errorSummary(page)).contains("Enter a reference in the form WP-2026-000123");
            assertThat(page.findElements(By.id("referrals"))).as("a malformed reference shows no referrals").isEmpty();
            browser.checkAccessibility();
            browser.open("/referrals?from=2/11/2026&to=1/11/2026");
            assertThat(errorSummary(page)).contains("The first date must be the same as or before the last date");

            browser.open("/referrals");
            page.findElement(By.cssSelector("#person-search summary")).click();
            type(page, "givenName", "Amira");
            type(page, "familyName", familyName);
            browser.follow(By.id("find-person"));
            assertThat(errorSummary(page)).contains("Enter a real date of birth");
            type(page, "dob-day", "12");
            type(page, "dob-month", "5");
            type(page, "dob-year", "2001");
            browser.follow(By.id("find-person"));
            assertThat(page.findElements(By.id("person-showing"))).as("the answer to the person form: %s",
                    page.findElement(By.tagName("body")).getText()).hasSize(1);
            assertThat(page.findElement(By.id("referrals")).getText()).contains(reference, "Amira " + familyName);
            assertThat(page.getCurrentUrl()).doesNotContain(familyName, "Amira", "2001");
            browser.checkAccessibility();

            browser.open("/my-services");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void serviceStaffPutTheirServiceOnAWaitingListAndAreOfferedNoNewReferral() {
        String card = "//div[contains(@class,'govuk-summary-card')][.//*[contains(@class,'govuk-summary-card__title')][normalize-space()='Riverside Sexual Health Clinic']]";
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, STAFF);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");
            assertThat(page.findElements(By.linkText("New referral"))).isEmpty();
            assertThat(page.findElements(By.id("start-referral"))).isEmpty();
            assertThat(page.findElements(By.id("person-search"))).as("only caseworkers find people").isEmpty();

            browser.follow(By.linkText("Your services"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your services");
            assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain("Lantern Legal Aid");
            browser.checkAccessibility();
            browser.follow(By.xpath(card + "//a[starts-with(normalize-space(), 'Change')]"));
            assertThat(page.findElement(By.id("service-name")).getText()).isEqualTo("Riverside Sexual Health Clinic");
            browser.checkAccessibility();

            choose(page, "capacity", "WAITING_LIST");
            type(page, "waitWeeks", "-3");
            type(page, "description", "x".repeat(2001));
            type(page, "inbox", "not an address");
            browser.follow(By.id("save"));
            assertThat(errorSummary(page)).contains("Enter the waiting time as a whole number of weeks from 1 to 104",
                    "The description must be 2,000 characters or fewer", "Enter an e-mail address in the correct format");
            browser.checkAccessibility();

            choose(page, "capacity", "WAITING_LIST");
            type(page, "waitWeeks", "6");
            type(page, "description", "Confidential sexual health care and forensic aftercare, with evening clinics.");
            type(page, "inbox", "referrals+riverside@example.org");
            browser.follow(By.id("save"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The service has been updated.");
            assertThat(page.findElement(By.xpath(card)).getText()).contains("Waiting list", "about 6 weeks");
            assertThat(page.findElements(By.linkText("New referral"))).isEmpty();

            browser.open("/");
            assertThat(page.findElement(By.xpath(card)).getText())
                    .contains("Waiting list", "about 6 weeks", "with evening clinics");
        }
    }

    @Test
    void serviceStaffStateWhomTheirServiceSeesWhereAndWhenAndAreToldWhenSomeoneElseChangedItFirst() throws Exception {
        String card = "//div[contains(@class,'govuk-summary-card')][.//*[contains(@class,'govuk-summary-card__title')][normalize-space()='Safe Haven Housing Support']]";
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, STAFF);
            browser.open("/my-services");
            browser.follow(By.xpath(card + "//a[starts-with(normalize-space(), 'Change')]"));
            String form = page.getCurrentUrl().substring(base.toString().length() - 1);
            assertThat(page.findElement(By.id("minAge")).getAttribute("value")).isEqualTo("16");
            assertThat(page.findElement(By.cssSelector("input[name='crimeTypes'][value='STALKING']")).isSelected()).isTrue();
            assertThat(page.findElement(By.id("areas")).getAttribute("value")).isEqualTo("M, OL, SK");
            browser.checkAccessibility();

            type(page, "minAge", "40");
            type(page, "maxAge", "30");
            type(page, "areas", "M, 14X!");
            type(page, "opens-MONDAY", "9am");
            type(page, "closes-MONDAY", "17:00");
            type(page, "languages", "english");
            browser.follow(By.id("save"));
            assertThat(errorSummary(page)).contains("Enter ages as whole numbers from 0 to 130",
                    "Enter at least one postcode area or district", "Enter the times Monday opens and closes",
                    "Enter at least one language as its two-letter code");
            assertThat(page.findElement(By.id("opens-MONDAY")).getAttribute("value")).as("what was typed stays").isEqualTo("9am");
            browser.checkAccessibility();

            type(page, "minAge", "18");
            type(page, "maxAge", "");
            choose(page, "genders", "FEMALE");
            choose(page, "riskLevels", "HIGH");
            type(page, "areas", "M, OL, SK, wa1");
            type(page, "opens-MONDAY", "09:00");
            type(page, "closes-MONDAY", "17:30");
            type(page, "opens-SATURDAY", "10:00");
            type(page, "closes-SATURDAY", "13:00");
            type(page, "languages", "en, pl");
            browser.follow(By.id("save"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The service has been updated.");

            browser.open(form);
            assertThat(page.findElement(By.id("minAge")).getAttribute("value")).isEqualTo("18");
            assertThat(page.findElement(By.id("maxAge")).getAttribute("value")).isEmpty();
            assertThat(page.findElement(By.cssSelector("input[name='genders'][value='FEMALE']")).isSelected()).isTrue();
            assertThat(page.findElement(By.cssSelector("input[name='riskLevels'][value='HIGH']")).isSelected()).isTrue();
            assertThat(page.findElement(By.id("areas")).getAttribute("value")).isEqualTo("M, OL, SK, WA1");
            assertThat(page.findElement(By.id("closes-SATURDAY")).getAttribute("value")).isEqualTo("13:00");
            assertThat(page.findElement(By.id("languages")).getAttribute("value")).isEqualTo("en, pl");

            String first = page.getWindowHandle();
            page.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.open(form);
            type(page, "closes-SATURDAY", "14:00");
            browser.follow(By.id("save"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("The service has been updated.");
            page.close();
            page.switchTo().window(first);
            type(page, "opens-SUNDAY", "10:00");
            type(page, "closes-SUNDAY", "12:00");
            browser.follow(By.id("save"));
            assertThat(errorSummary(page)).contains("Someone else changed this service while you had the form open");
            browser.open(form);
            assertThat(page.findElement(By.id("closes-SATURDAY")).getAttribute("value")).isEqualTo("14:00");
            assertThat(page.findElement(By.id("opens-SUNDAY")).getAttribute("value")).as("the stale change is not saved").isEmpty();

            String directory = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/services?size=100"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String lantern = jakarta.json.Json.createReader(new java.io.StringReader(directory)).readObject().getJsonArray("items")
                    .stream().map(jakarta.json.JsonValue::asJsonObject).filter(s -> s.getString("name").equals("Lantern Legal Aid"))
                    .findFirst().orElseThrow().getString("id");
            browser.open("/my-service?id=" + lantern);
            assertThat(page.findElement(By.tagName("h1")).getText()).as("another organisation's service").isEqualTo("Page not found");
        }
    }

    /**
     * A person sees every browser signed in to their account and signs others out; an administrator
     * signs an account out of every browser. The sessions are rows in the database (ADR 0018), so each
     * ending counts at the other browser's next request.
     */
    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void aPersonSeesWhereTheyAreSignedInAndSignsOtherBrowsersOutAndAnAdministratorSignsThemOutEverywhere() {
        try (Browser laptop = new Browser(base); Browser phone = new Browser(base); Browser admin = new Browser(base)) {
            WebDriver page = laptop.driver();
            phone.open("/sign-in");
            signIn(phone, STAFF);
            laptop.open("/sign-in");
            signIn(laptop, STAFF);
            laptop.open("/account");
            List<WebElement> rows = page.findElements(By.cssSelector("#sessions tbody tr"));
            assertThat(rows).as("this browser and the phone at least").hasSizeGreaterThanOrEqualTo(2);
            assertThat(rows.get(0).getText()).as("this browser first").contains("This browser");
            assertThat(page.findElements(By.xpath("//table[@id='sessions']//strong[normalize-space()='This browser']"))).hasSize(1);
            laptop.checkAccessibility();

            laptop.follow(By.id("end-others"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("Every other browser has been signed out.");
            assertThat(page.findElements(By.cssSelector("#sessions tbody tr"))).hasSize(1);
            phone.open("/referrals");
            assertThat(phone.driver().findElement(By.tagName("h1")).getText()).as("the phone, at its next request").isEqualTo("Sign in");

            signIn(phone, STAFF);
            laptop.open("/account");
            laptop.follow(By.xpath("//table[@id='sessions']//input[@value='Sign out']"));
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("That browser has been signed out.");
            phone.open("/referrals");
            assertThat(phone.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            laptop.open("/referrals");
            assertThat(page.findElement(By.tagName("h1")).getText()).as("the laptop itself stays signed in").isNotEqualTo("Sign in");

            admin.open("/sign-in");
            signIn(admin, "admin@example.org");
            admin.open("/admin/users");
            admin.follow(By.xpath("//tr[contains(., '" + STAFF + "')]//input[@value='Sign out everywhere']"));
            assertThat(admin.driver().findElement(By.id("notice")).getText()).startsWith("The account has been signed out of every browser.");
            admin.checkAccessibility();
            laptop.open("/referrals");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            signIn(laptop, STAFF);
            assertThat(page.findElement(By.tagName("h1")).getText()).as("signing in again works").isNotEqualTo("Sign in");
        }
    }

    /**
     * One authentication mechanism signs every request in (ADR 0021): the browser's session is the same
     * caller to the pages and to the API, but a change to the API is signed in by the session only when
     * the browser says it comes from our own pages; from anywhere else it is anonymous.
     */
    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void theBrowsersSessionSignsInToTheApiButAChangeFromAnotherSiteIsNotSignedIn() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            String cookie = "waypoint_session=" + sessionCookie(browser.driver());
            HttpClient http = HttpClient.newHttpClient();
            URI me = base.toURI().resolve("api/v1/me");
            URI someToken = base.toURI().resolve("api/v1/me/tokens/" + java.util.UUID.randomUUID());

            HttpResponse<String> read = http.send(HttpRequest.newBuilder(me).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains(CASEWORKER);
            HttpResponse<String> fromElsewhere = http.send(HttpRequest.newBuilder(someToken).header("Cookie", cookie)
                    .header("Sec-Fetch-Site", "cross-site").DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fromElsewhere.statusCode()).as("a change from another site").isEqualTo(401);
            HttpResponse<String> unsaid = http.send(HttpRequest.newBuilder(someToken).header("Cookie", cookie).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsaid.statusCode()).as("a change whose origin the browser did not say").isEqualTo(401);
            // Signed in, this would make a token (201); not signed in it is refused, or never reaches the API.
            HttpResponse<String> disguised = http.send(HttpRequest.newBuilder(base.toURI().resolve("api;x/v1/me/tokens"))
                    .header("Cookie", cookie).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"disguised\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(disguised.statusCode()).as("a change at an address with a path parameter: %s", disguised.body())
                    .isIn(400, 401, 404);
            HttpResponse<String> fromOurPages = http.send(HttpRequest.newBuilder(someToken).header("Cookie", cookie)
                    .header("Sec-Fetch-Site", "same-origin").DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fromOurPages.statusCode()).as("signed in, and no such token of theirs").isEqualTo(404);

            signOut(browser);
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(me).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).as("the session ended with signing out").isEqualTo(401);
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void signingInLeadsBackToThePageAskedForAndNeverToAnotherSite() {
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/account");
            assertThat(page.getCurrentUrl()).as("a page asks a signed-out person to sign in").contains("/sign-in?returnTo=%2Faccount");
            signIn(browser, CASEWORKER);
            assertThat(page.getCurrentUrl()).endsWith("/account");
            signOut(browser);

            String home = base.toString().replaceAll("/$", "") + "/referrals";
            for (String elsewhere : List.of("https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere.example/",
                    "%2F%2Felsewhere.example/", "/%2F%2Felsewhere.example/", "/%5Celsewhere.example", "https:%2F%2Felsewhere.example",
                    "%252F%252Felsewhere.example", "javascript:alert(document.domain)", "\t//elsewhere.example/")) {
                browser.open("/sign-in?returnTo=" + java.net.URLEncoder.encode(elsewhere, StandardCharsets.UTF_8));
                signIn(browser, CASEWORKER);
                assertThat(page.getCurrentUrl()).as("signing in with returnTo=%s", elsewhere).isEqualTo(home);
                signOut(browser);
            }
        }
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void everyErrorPageHasTheLayoutAWayOnAndSignInForThoseSignedOut() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/no-such-page");
            assertProblemPage(page.getPageSource(), "Page not found", false);
            browser.checkAccessibility();
            browser.open("/referrals/not-a-referral");
            assertProblemPage(page.getPageSource(), "Page not found", false);

            browser.open("/sign-in");
            signIn(browser, CASEWORKER);
            browser.open("/no-such-page");
            assertProblemPage(page.getPageSource(), "Page not found", true);
            browser.checkAccessibility();
            browser.open("/referrals/0b5c6f8e-1111-2222-3333-444455556666");
            assertProblemPage(page.getPageSource(), "Page not found", true);
            browser.open("/admin/users");
            assertProblemPage(page.getPageSource(), "Page not found", true);
            browser.checkAccessibility();

            String token = page.findElement(By.name("csrf")).getAttribute("value");
            HttpClient signedIn = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = "waypoint_session=" + sessionCookie(page);
            HttpResponse<String> expired = signedIn.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/account"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&jakarta.faces.ViewState=-1%3A-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(expired.statusCode()).as("a form from a page the server no longer remembers").isEqualTo(303);
            assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/account?expired=true"));
            browser.open("/account?expired=true");
            assertThat(page.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("nothing was saved");
            browser.checkAccessibility();
            for (boolean withSession : List.of(false, true)) {
                HttpClient http = withSession ? signedIn : anonymous;
                java.util.function.Function<String, HttpRequest.Builder> at = path -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path));
                    return withSession ? request.header("Cookie", cookie) : request;
                };
                for (String method : List.of("DELETE", "PUT")) {
                    HttpResponse<String> notAllowed = http.send(at.apply("/help").method(method, HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(notAllowed.statusCode()).as(method).isEqualTo(405);
                    assertProblemPage(notAllowed.body(), "Sorry, that did not work", withSession);
                }
                HttpResponse<String> forbidden = http.send(at.apply("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("csrf=forged")).build(), HttpResponse.BodyHandlers.ofString());
                if (withSession) {
                    assertThat(forbidden.statusCode()).as("a form without its token").isEqualTo(403);
                    assertProblemPage(forbidden.body(), "You cannot see this page", true);
                }
            }
        }
    }

    /** An error page in the common layout: the heading, the header with its way back, Sign in only for those signed out, and nothing of the server's insides. */
    private static void assertProblemPage(String html, String heading, boolean signedIn) {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.selectFirst("h1").text()).isEqualTo(heading);
        assertThat(page.select("header.govuk-header a[href$=/]")).as("the header leads back to the start page").isNotEmpty();
        assertThat(page.select("footer.govuk-footer a[href$=/help]")).isNotEmpty();
        assertThat(page.select("#sign-in-link")).as("Sign in in the header").hasSize(signedIn ? 0 : 1);
        assertThat(page.select("#problem-sign-in a[href$=/sign-in]")).as("Sign in beside the message").hasSize(signedIn ? 0 : 1);
        assertThat(page.select("#sign-out")).hasSize(signedIn ? 1 : 0);
        assertThat(page.text()).doesNotContain("Exception", "java.", "jakarta.", "at org.", "Payara", "Grizzly");
    }

    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void formsAreRefusedWithoutTheirTokenAndPagesCarryTheSecurityHeaders() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI signIn = base.toURI().resolve("sign-in");
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(form.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(form.headers().firstValue("Server")).isEmpty();
        assertThat(form.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        HttpResponse<Void> overTls = http.send(HttpRequest.newBuilder(signIn).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).as("behind the trusted edge's TLS")
                .hasValue("max-age=31536000; includeSubDomains");
        assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("waypoint_session=").contains("HttpOnly", "SameSite=Strict"));
        assertThat(form.body()).doesNotContain("<script");
        java.util.regex.Matcher passwordField = java.util.regex.Pattern.compile("<input[^>]*id=\"password\"[^>]*>").matcher(form.body());
        assertThat(passwordField.find()).as("a password field").isTrue();
        assertThat(passwordField.group()).as("typed out of sight").contains("type=\"password\"");

        String viewState = form.body().replaceAll("(?s).*name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\".*", "$1");
        String withoutToken = "sign-in=sign-in&email=" + CASEWORKER + "&password=" + PASSWORD
                + "&sign-in-button=Sign+in&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(signIn)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(withoutToken)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forgedSignOut = http.send(HttpRequest.newBuilder(base.toURI().resolve("sign-out"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=forged")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(forgedSignOut.statusCode()).isEqualTo(403);
        assertThat(me.statusCode()).as("nobody was signed in").isEqualTo(401);

        String token = form.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<Void> signedOut = http.send(HttpRequest.newBuilder(base.toURI().resolve("sign-out"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Clear-Site-Data")).as("the browser drops what it kept of the site")
                .hasValue("\"cache\", \"storage\"");
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("waypoint_session=;"));
    }

    /**
     * Only the import page takes a large body (its directory file): every other form over 1 MiB is
     * refused, when it declares its length before anything reads it, and when it comes in chunks
     * after one byte more than 1 MiB.
     */
    @Test
    @Tag(SAME_ON_EVERY_DATABASE)
    void onlyTheImportPageTakesALargeBody() throws Exception {
        String declared = "POST " + base.getPath() + "%s HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: %s\r\n%s\r\n"
                + "Connection: close\r\n\r\n";
        assertThat(statusOf(String.format(declared, "sign-in", "application/x-www-form-urlencoded", "Content-Length: 1048577")))
                .isEqualTo("413");
        assertThat(statusOf(String.format(declared, "admin/organisations", "multipart/form-data; boundary=b", "Content-Length: 2097152")))
                .isEqualTo("413");
        String form = "a=" + "x".repeat(1024 * 1024 - 1);
        assertThat(statusOf(String.format(declared, "sign-in", "application/x-www-form-urlencoded", "Transfer-Encoding: chunked")
                + Integer.toHexString(form.length()) + "\r\n" + form + "\r\n0\r\n\r\n"))
                .as("a form of 1 MiB and one byte in one chunk").isEqualTo("413");
    }

    /** The status code of the answer to a request written as it is, its body unsent. */
    private String statusOf(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return statusLine.substring(statusLine.length() - 3);
        }
    }

    @Test
    void theListAndTheInboxOpenWithTheirOrganisationsCountsAndTheInboxSortsAndFiltersInItsAddress() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ApiClient admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        String police = admin.newOrganisation("Dashboard Police " + tag, "REFERRER");
        String trust = admin.newOrganisation("Dashboard Trust " + tag, "PROVIDER");
        String caseworkerEmail = "dashboard-caseworker-" + tag + "@example.org";
        String staffEmail = "dashboard-staff-" + tag + "@example.org";
        admin.newUser(caseworkerEmail, "CASEWORKER", police, PASSWORD);
        admin.newUser(staffEmail, "SERVICE_STAFF", trust, PASSWORD);
        String serviceId = ApiClient.createdId(admin.post("api/v1/services", jakarta.json.Json.createObjectBuilder()
                .add("organisationId", trust).add("name", "Dashboard Counselling " + tag).add("description", "Counselling.")
                .add("categories", jakarta.json.Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", jakarta.json.Json.createArrayBuilder().add("M"))
                .add("referralInbox", "dashboard-" + tag + "@example.org").add("acknowledgementTargetWorkingDays", 3).build()));
        ApiClient caseworker = ApiClient.anonymous(base).signIn(caseworkerEmail, PASSWORD);
        // Sent in this order: the urgent ones are due on the next working day, the routine one three days on.
        String[] urgentFirst = sendByApi(caseworker, serviceId, "URGENT");
        String[] routine = sendByApi(caseworker, serviceId, "ROUTINE");
        String[] urgentAccepted = sendByApi(caseworker, serviceId, "URGENT");
        ApiClient staff = ApiClient.anonymous(base).signIn(staffEmail, PASSWORD);
        ApiClient.Reply opened = staff.post("api/v1/referrals/" + urgentAccepted[0] + "/acknowledge", null, java.util.Map.of());
        assertThat(staff.post("api/v1/referrals/" + urgentAccepted[0] + "/accept", null, java.util.Map.of("If-Match", opened.etag()))
                .status()).isEqualTo(200);

        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, staffEmail);
            browser.open("/referrals");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");
            assertThat(counts(page)).as("waiting, overdue, accepted this week").containsExactly("2", "0", "1");
            assertThat(page.findElement(By.id("summary")).getText())
                    .contains("2 waiting for acknowledgement, 0 overdue, 1 accepted this week");
            assertThat(references(page)).as("soonest due first, the newer of two due together first")
                    .containsExactly(urgentAccepted[1], urgentFirst[1], routine[1]);
            browser.checkAccessibility();

            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("sort"))).selectByValue("createdAt");
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("urgency"))).selectByValue("URGENT");
            browser.follow(By.id("filter"));
            assertThat(page.getCurrentUrl()).contains("urgency=URGENT", "sort=createdAt");
            assertThat(references(page)).containsExactly(urgentFirst[1], urgentAccepted[1]);
            assertThat(page.findElement(By.id("referrals")).getText()).contains("Urgent");
            assertThat(counts(page)).as("the counts are the whole organisation's").containsExactly("2", "0", "1");
            browser.checkAccessibility();

            browser.open("/referrals?sort=-createdAt");
            assertThat(references(page)).containsExactly(urgentAccepted[1], routine[1], urgentFirst[1]);
            browser.open("/referrals?urgency=ROUTINE&sort=acknowledgeBy");
            assertThat(references(page)).containsExactly(routine[1]);
            browser.follow(By.linkText("0 overdue"));
            assertThat(page.findElement(By.id("no-referrals")).isDisplayed()).isTrue();

            browser.open("/referrals?urgency=soon&sort=name&page=x");
            assertThat(errorSummary(page)).contains("Choose routine or urgent, or any urgency", "Choose an order from the list");
            assertThat(page.findElements(By.id("referrals"))).as("a filter not understood shows no referrals").isEmpty();
            assertThat(counts(page)).containsExactly("2", "0", "1");
            browser.checkAccessibility();
            signOut(browser);
        }

        try (Browser browser = new Browser(base)) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            signIn(browser, caseworkerEmail);
            browser.open("/referrals");
            assertThat(counts(page)).as("waiting, overdue, accepted this week").containsExactly("2", "0", "1");
            assertThat(page.findElement(By.id("summary")).getText())
                    .contains("2 waiting for acknowledgement, 0 overdue, 1 accepted this week");
            browser.follow(By.partialLinkText("waiting for acknowledgement"));
            assertThat(references(page)).containsExactlyInAnyOrder(urgentFirst[1], routine[1]);
            browser.checkAccessibility();
        }
    }

    /** Records a person and sends them to the service by the API; answers the referral's id and reference. */
    private static String[] sendByApi(ApiClient caseworker, String serviceId, String urgency) {
        String person = ApiClient.createdId(caseworker.post("api/v1/clients", jakarta.json.Json.createObjectBuilder()
                .add("givenName", "Dana").add("familyName", "Board").add("dateOfBirth", "1990-05-01")
                .add("gender", "FEMALE").add("postcode", "M14 5RT").build()));
        String id = ApiClient.createdId(caseworker.post("api/v1/referrals", jakarta.json.Json.createObjectBuilder()
                .add("clientId", person).add("serviceId", serviceId)
                .add("needs", jakarta.json.Json.createObjectBuilder().add("needs", jakarta.json.Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", jakarta.json.Json.createArrayBuilder().add("STALKING"))
                        .add("riskLevel", "STANDARD").add("urgency", urgency))
                .build()));
        ApiClient.Reply consent = caseworker.post("api/v1/referrals/" + id + "/consent", jakarta.json.Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build());
        ApiClient.Reply submitted = caseworker.post("api/v1/referrals/" + id + "/submit", null,
                java.util.Map.of("If-Match", consent.etag()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return new String[] {id, submitted.json().getString("reference")};
    }

    /** The dashboard line's three counts: waiting for acknowledgement, overdue, accepted this week. */
    private static List<String> counts(WebDriver page) {
        return Stream.of("count-awaiting", "count-overdue", "count-accepted").map(id -> page.findElement(By.id(id)).getText()).toList();
    }

    /** The references in the list, in its order. */
    private static List<String> references(WebDriver page) {
        return page.findElements(By.cssSelector("#referrals tbody tr td:first-child")).stream().map(WebElement::getText).toList();
    }

    /**
     * Makes and sends a referral through the pages for Amira (born 12 May 2001), either recording
     * her anew or taking her existing record from the possible-duplicate warning; answers its reference.
     */
    private static String refer(Browser browser, String familyName, boolean recorded, String need, String service) {
        WebDriver page = browser.driver();
        browser.follow(By.linkText("New referral"));
        type(page, "givenName", "Amira");
        type(page, "familyName", familyName);
        type(page, "dob-day", "12");
        type(page, "dob-month", "5");
        type(page, "dob-year", "2001");
        browser.follow(By.id("find"));
        if (recorded) {
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Is this person already recorded?");
            assertThat(page.findElement(By.id("candidates")).getText()).contains("Amira " + familyName, "12 May 2001", "M14");
            browser.checkAccessibility();
            browser.follow(By.cssSelector("input[value='Use this record']"));
        } else {
            choose(page, "gender", "FEMALE");
            type(page, "postcode", "M14 5TQ");
            choose(page, "voicemailAllowed", "no");
            choose(page, "serviceMayIdentifyItself", "yes");
            browser.follow(By.id("add"));
        }
        assertThat(page.findElement(By.id("referral-for")).getText()).contains("Amira " + familyName);
        choose(page, "needs", need);
        choose(page, "crimeTypes", "STALKING");
        choose(page, "riskLevel", "MEDIUM");
        choose(page, "urgency", "URGENT");
        choose(page, "reportedToPolice", "yes");
        type(page, "crimeReference", "NP/2026/1234");
        browser.follow(By.id("assess"));
        page.findElement(By.xpath("//label[normalize-space()='" + service + "']")).click();
        browser.follow(By.id("choose"));
        consentAndSend(browser);
        return page.findElement(By.id("confirmed-reference")).getText();
    }

    /** Records Amira (born 12 May 2001) anew, as the person step asks, with a safe number. */
    private static void addAmira(Browser browser, String familyName) {
        WebDriver page = browser.driver();
        type(page, "givenName", "Amira");
        type(page, "familyName", familyName);
        type(page, "dob-day", "12");
        type(page, "dob-month", "5");
        type(page, "dob-year", "2001");
        browser.follow(By.id("find"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("About the person");
        assertThat(page.findElement(By.id("familyName")).getAttribute("value")).isEqualTo(familyName);
        choose(page, "gender", "FEMALE");
        type(page, "postcode", "M14 5TQ");
        type(page, "safeNumber", SAFE_NUMBER);
        choose(page, "voicemailAllowed", "no");
        choose(page, "serviceMayIdentifyItself", "no");
        browser.follow(By.id("add"));
    }

    /** Records consent where the draft has none yet (a redirected draft keeps the old one) and sends it, in one click. */
    private static void consentAndSend(Browser browser) {
        WebDriver page = browser.driver();
        if (!page.findElements(By.name("basis")).isEmpty()) {
            choose(page, "basis", "GIVEN_BY_PERSON");
            choose(page, "sharing", "contact");
            choose(page, "sharing", "case");
            choose(page, "method", "TELEPHONE");
            browser.follow(By.id("submit-referral"));
        } else {
            browser.follow(By.id("send-referral"));
        }
        assertThat(page.findElement(By.cssSelector(".govuk-panel__title")).getText()).isEqualTo("Referral sent");
    }

    /** An administrator adds a caseworker of the demo police unit, for a test that changes its password. */
    private static void addCaseworker(Browser browser, String email, String name, String password) {
        WebDriver page = browser.driver();
        browser.open("/admin/users");
        type(page, "email", email);
        type(page, "displayName", name);
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("organisation"))).getOptions().stream()
                .filter(o -> o.getText().startsWith("Northshire Police Victim Care Unit")).findFirst().orElseThrow().click();
        choose(page, "newRole", "CASEWORKER");
        type(page, "password", password);
        browser.follow(By.id("add-account-button"));
        assertThat(page.findElement(By.id("accounts")).getText()).contains(name, email);
    }

    /**
     * The demo administrator, signed in, on their home page: the session an earlier test signed in
     * with password and code is taken up again while it lasts, since each sign-in spends a step of the
     * app's codes and a third within 30 seconds waits for the next step ({@link SecondFactor}). Signing
     * in with a second factor is what {@link #aSecondFactorIsSetUpAskedForAtSignInRefusesReplaysAndIsResetByAnAdministrator}
     * and the first of these sign-ins prove.
     */
    private static void signInAsAdministrator(Browser browser) {
        WebDriver page = browser.driver();
        browser.open("/sign-in");
        if (administratorSession != null) {
            page.manage().addCookie(new org.openqa.selenium.Cookie.Builder(SessionSignIn.COOKIE, administratorSession)
                    .path("/").isHttpOnly(true).sameSite("Strict").build());
            browser.open("/admin/");
            if (!page.findElements(By.id("sign-out")).isEmpty()) {
                return;
            }
            page.manage().deleteCookieNamed(SessionSignIn.COOKIE);
            browser.open("/sign-in");
        }
        signIn(browser, "admin@example.org");
        administratorSession = page.manage().getCookieNamed(SessionSignIn.COOKIE).getValue();
    }

    private static void signIn(Browser browser, String email) {
        signIn(browser, email, PASSWORD);
    }

    /**
     * Signs in on the sign-in page, and then, when asked, with a code from the account's app
     * ({@link SecondFactor}), or sets the app up first from the key the set-up page shows and goes on.
     */
    private static void signIn(Browser browser, String email, String password) {
        WebDriver page = browser.driver();
        type(page, "email", email);
        type(page, "password", password);
        browser.follow(By.id("sign-in-button"));
        String path = URI.create(page.getCurrentUrl()).getPath();
        if (path.endsWith("/set-up-second-factor")) {
            SecondFactor.remember(email, page.findElement(By.id("totp-secret")).getText());
            type(page, "code", SecondFactor.nextCode(email));
            browser.follow(By.id("set-up-button"));
            browser.follow(By.id("continue"));
        } else if (path.endsWith("/second-factor")) {
            type(page, "code", SecondFactor.nextCode(email));
            browser.follow(By.id("second-factor-button"));
        }
    }

    private static void signOut(Browser browser) {
        browser.follow(By.id("sign-out"));
        assertThat(browser.driver().findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("You have signed out.");
        browser.checkAccessibility();
    }

    /** The path of the referral link in an e-mail, checked to be the only link and to start with the public address. */
    private static String referralLink(String mail) {
        String unfolded = mail.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("(https?://[^/\\s\"<>]+)(/referrals/[0-9a-f-]{36})(?=[\\s\"<]|$)").matcher(unfolded);
        assertThat(link.find()).as("a link to the referral in %s", unfolded).isTrue();
        assertThat(link.group(1)).isEqualTo(System.getProperty("waypoint.it.public-url", "http://localhost:8080"));
        return link.group(2);
    }

    private static String sessionCookie(WebDriver page) {
        org.openqa.selenium.Cookie cookie = page.manage().getCookieNamed("waypoint_session");
        return cookie == null ? null : cookie.getValue();
    }

    private static void type(WebDriver page, String id, String text) {
        WebElement field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Ticks the radio button or checkbox of that name and value, as a person clicking its label would. */
    private static void choose(WebDriver page, String name, String value) {
        WebElement input = page.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        page.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
        assertThat(input.isSelected()).isTrue();
    }

    private static String errorSummary(WebDriver page) {
        List<WebElement> summary = page.findElements(By.cssSelector(".govuk-error-summary"));
        assertThat(summary).as("an error summary on %s: %s", page.getCurrentUrl(),
                page.findElement(By.tagName("body")).getText()).hasSize(1);
        return summary.get(0).getText();
    }

    /**
     * The e-mail that mentions {@code reference} (a referral's, or a recipient's address) and each of
     * {@code alsoMentioning}, once the outbox has written it to the pickup folder.
     */
    private static String awaitMail(String reference, String... alsoMentioning) throws InterruptedException {
        Path pickup = Path.of(System.getProperty("waypoint.it.data-dir"), "mail");
        for (int wait = 0; wait < 120; wait++) {
            if (Files.isDirectory(pickup)) {
                try (Stream<Path> files = Files.list(pickup)) {
                    List<String> found = files.map(PagesIT::read).filter(mail -> mail.contains(reference)
                            && Stream.of(alsoMentioning).allMatch(mail::contains)).toList();
                    if (!found.isEmpty()) {
                        return found.get(0);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no e-mail about " + reference + " reached the pickup folder");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
