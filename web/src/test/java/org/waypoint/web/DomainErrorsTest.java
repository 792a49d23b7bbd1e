package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain refuses bad input with its own types (core.shared.DomainException), never with
 * IllegalArgumentException or IllegalStateException: those are faults, answered 500 (ADR 0019).
 * The few classes below keep them for a fault or a configuration error, each with the reason.
 * Every key the domain throws has the pages' words in the bundle.
 */
class DomainErrorsTest {

    /** Classes of core and notifications (with their nested classes) that may throw them, and why none of these is bad input. */
    private static final Map<String, String> FAULTS = Map.ofEntries(
            Map.entry("org.waypoint.core.shared.crypto.KeyRing", "keys set wrongly: the server must not start"),
            Map.entry("org.waypoint.core.shared.crypto.FieldCipher", "a JVM without AES-GCM or HMAC-SHA256"),
            Map.entry("org.waypoint.core.shared.crypto.persistence.KeyRotation", "a batch size the code chooses"),
            Map.entry("org.waypoint.core.shared.persistence.Migrations", "no database at start-up"),
            Map.entry("org.waypoint.core.retention.Retention", "a run that lost its lease"),
            Map.entry("org.waypoint.core.retention.RetentionPolicy", "configuration"),
            Map.entry("org.waypoint.core.report.Reports", "an arithmetic invariant"),
            Map.entry("org.waypoint.core.report.SmallNumbers", "tables the code builds"),
            Map.entry("org.waypoint.core.report.ReportTable", "tables the code builds"),
            Map.entry("org.waypoint.core.audit.persistence.JpaAuditEventRepository", "a chain head that never settles"),
            Map.entry("org.waypoint.core.audit.AuditArchiveFile", "a JVM without SHA-256"),
            Map.entry("org.waypoint.core.audit.AuditArchive", "configuration, a run that lost its lease, an archive file unreadable"),
            Map.entry("org.waypoint.core.audit.AuditEvent", "a JVM without SHA-256"),
            Map.entry("org.waypoint.core.account.PasswordHasher", "interrupted while waiting"),
            Map.entry("org.waypoint.core.account.AccountService", "a JVM without SHA-256"),
            Map.entry("org.waypoint.core.account.ApiClients", "configuration"),
            Map.entry("org.waypoint.core.account.ApiClientAccount", "a stored scope the code no longer knows"),
            Map.entry("org.waypoint.core.account.ApiAccessToken", "a stored scope the code no longer knows"),
            Map.entry("org.waypoint.core.account.PasswordResets", "configuration"),
            Map.entry("org.waypoint.core.account.SecondFactors", "configuration"),
            Map.entry("org.waypoint.core.account.Totp", "a digit count and secrets the code makes, a JVM without HMAC-SHA1"),
            Map.entry("org.waypoint.core.directory.PublishedTaxonomy", "a JVM without SHA-1"),
            Map.entry("org.waypoint.core.directory.ServiceExclusion", "matching builds it"),
            Map.entry("org.waypoint.core.idempotency.IdempotencyRetention", "configuration, and a batch size the code chooses"),
            Map.entry("org.waypoint.core.referral.persistence.JpaReferenceCounter", "a year without its counter row"),
            Map.entry("org.waypoint.core.calendar.WorkingCalendar", "a count the code chooses"),
            Map.entry("org.waypoint.notifications.webhook.WebhookSignature", "a JVM without HMAC-SHA256"),
            Map.entry("org.waypoint.notifications.webhook.EventRecorder", "an event for a referral that is not there"),
            Map.entry("org.waypoint.notifications.mail.MimeMessages", "a JVM without UTF-8"),
            Map.entry("org.waypoint.notifications.mail.SmtpGateway", "configuration"),
            Map.entry("org.waypoint.notifications.mail.TlsMode", "configuration"),
            Map.entry("org.waypoint.notifications.account.PasswordResetMail", "an event for an account that is not there"),
            Map.entry("org.waypoint.notifications.templates.Links", "configuration, and ids the code made"),
            Map.entry("org.waypoint.notifications.templates.MailTemplates", "a delivery of the wrong kind"),
            Map.entry("org.waypoint.notifications.outbox.RetryPolicy", "configuration"),
            Map.entry("org.waypoint.notifications.referral.ReferralNotifications", "an event for a service that is not there"),
            Map.entry("org.waypoint.notifications.container.WebhookConfiguration", "configuration"));

    private static final Set<String> REFUSED = Set.of(
            IllegalArgumentException.class.getName(), IllegalStateException.class.getName());

    private static final Pattern KEY = Pattern.compile("\"(error\\.[A-Za-z.]+)\"");

    @Test
    void theDomainRefusesBadInputWithItsOwnTypesNeverWithIllegalArgumentOrState() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(new ModuleDirectionTest.NoTestCode())
                .importPackages("org.waypoint.core", "org.waypoint.notifications");
        Set<String> thrown = new TreeSet<>();
        Set<String> stillThrowing = new TreeSet<>();
        for (JavaClass c : classes) {
            String owner = c.getName().replaceAll("\\$.*$", "");
            for (JavaConstructorCall call : c.getConstructorCallsFromSelf()) {
                if (REFUSED.contains(call.getTargetOwner().getName())) {
                    if (FAULTS.containsKey(owner)) {
                        stillThrowing.add(owner);
                    } else {
                        thrown.add(call.getDescription());
                    }
                }
            }
        }

        assertThat(classes).as("the classes were found").hasSizeGreaterThan(100);
        assertThat(thrown).as("bad input is a DomainException (InvalidField, RuleViolation, ConflictException…)").isEmpty();
        assertThat(FAULTS.keySet()).as("a class that no longer throws them leaves the list").isSubsetOf(stillThrowing);
    }

    @Test
    void everyKeyTheDomainThrowsHasThePagesWords() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String module : new String[] {"core", "notifications"}) {
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    Matcher key = KEY.matcher(Files.readString(file));
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
                }
            }
        }
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/waypoint/web/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(keys).as("the domain's keys were found").contains("error.field.required", "error.notFound");
        assertThat(keys).as("keys without words in messages.properties").allSatisfy(k -> assertThat(bundle).containsKey(k));
    }
}
