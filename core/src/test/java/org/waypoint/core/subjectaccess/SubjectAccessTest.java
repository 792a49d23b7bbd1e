package org.waypoint.core.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.persistence.JpaUserAccountRepository;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.client.persistence.JpaClientRepository;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.persistence.JpaOrganisationRepository;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.referral.persistence.JpaReferralRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.testing.TestDatabase;

/**
 * A subject access export on the migrated database (Derby, or PostgreSQL by profile): two people
 * recorded by one organisation and referred to one service, each with a marker in every field of
 * their record and in every text about them. The export of one holds all of theirs, in the HTML and
 * in the JSON, and nothing of the other's; it is audited with its reason.
 */
class SubjectAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of());
    private static TestDatabase db;
    private static Actor caseworker;
    private static Actor staff;
    private static Actor admin;
    private static SupportService service;
    private static final Map<String, List<SentMail>> MAIL = new HashMap<>();
    private static int number;

    private static Person alpha;
    private static Person bravo;

    /** A person as the test made them: their record, one referral's reference, and every marker of theirs. */
    record Person(Client client, String reference, List<String> referralIds, List<String> markers) {
    }

    @BeforeAll
    static void twoPeopleOfOneOrganisationAtOneService() {
        db = TestDatabase.fresh();
        db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
            em.persist(police);
            em.persist(charity);
            service = new SupportService(charity, "Harbour Counselling", "Counselling.",
                    List.of(em.find(ServiceCategory.class, "COUNSELLING")), List.of("M"),
                    new EmailAddress("referrals@harbour.example.org"));
            em.persist(service);
            caseworker = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
            staff = new Actor("u-staff", charity.id(), Role.SERVICE_STAFF);
            admin = new Actor("u-admin", police.id(), Role.ADMIN);
            return null;
        });
        alpha = person("Alpha", "1", "M14 5AA", LocalDate.of(1991, 2, 3));
        bravo = person("Bravo", "2", "M15 6BB", LocalDate.of(1992, 4, 5));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** A person with markers in every field, two referrals (one rejected, one withdrawn), messages and reads. */
    private static Person person(String tag, String digit, String postcode, LocalDate born) {
        List<String> markers = new ArrayList<>(List.of(tag + "Given", tag + "Family", born.toString(), postcode,
                tag + "Access", "07700 90011" + digit, tag.toLowerCase() + ".mail@example.org", tag + "Address",
                "07700 90012" + digit, tag + "SafeTimes", tag + "Cover", tag + "Guardian", tag + "Relation",
                "07700 90013" + digit));
        ClientDetails details = new ClientDetails(tag + "Given", tag + "Family", born, Gender.FEMALE, "pl", true,
                Optional.of(tag + "Access"), Optional.of(postcode),
                new ContactDetails(Optional.of("07700 90011" + digit), Optional.of(tag.toLowerCase() + ".mail@example.org"),
                        Optional.of(tag + "Address")),
                new SafeContact(Optional.of("07700 90012" + digit), Optional.of(tag + "SafeTimes"), true, true,
                        Optional.of(tag + "Cover")),
                Optional.of(new Guardian(tag + "Guardian", tag + "Relation", Optional.of("07700 90013" + digit))));
        Client client = db.inTransaction(em -> clients(em).register(caseworker, details));
        db.inTransaction(em -> clients(em).get(caseworker, client.id()));

        Referral rejected = save(em -> {
            Referral r = draft(em, client, tag, consentOverride(tag));
            r.submit(caseworker, () -> ReferralReference.of(2026, ++number), CALENDAR, CLOCK.instant());
            r.open(staff, CLOCK.instant());
            r.sendMessage(caseworker, tag + "MessageFromReferrer", CLOCK.instant());
            r.sendMessage(staff, tag + "MessageFromService", CLOCK.instant());
            r.reject(staff, tag + "RejectReason", EndReason.NOT_ELIGIBLE, CLOCK.instant());
            return r;
        });
        Referral withdrawn = save(em -> {
            Referral r = draft(em, client, tag + "Second", Consent.given(org.waypoint.core.referral.ConsentBasis.GIVEN_BY_PERSON,
                    true, true, ConsentMethod.IN_PERSON, CLOCK.instant(), caseworker.userId()));
            r.submit(caseworker, () -> ReferralReference.of(2026, ++number), CALENDAR, CLOCK.instant());
            r.withdrawConsent(caseworker, tag + "WithdrawReason", CLOCK.instant());
            return r;
        });
        db.inTransaction(em -> {
            // As ReferralService records the service's look at the referral.
            new AuditTrail(new JpaAuditEventRepository(em), CLOCK)
                    .success(staff, AuditTrail.REFERRAL, rejected.id(), AuditEvent.Action.READ, "get");
            return null;
        });
        markers.addAll(List.of(tag + "CrimeRef", tag + "Concerns", tag + "Justification", tag + "Approver",
                tag + "MessageFromReferrer", tag + "MessageFromService", tag + "RejectReason", tag + "SecondCrimeRef",
                tag + "SecondConcerns", tag + "WithdrawReason", tag.toLowerCase() + "-inbox@example.org",
                rejected.reference().orElseThrow().value(), withdrawn.reference().orElseThrow().value(), client.id()));
        MAIL.put(rejected.id(), List.of(new SentMail("mail-" + tag, rejected.id(), "NEW_REFERRAL",
                tag.toLowerCase() + "-inbox@example.org", CLOCK.instant(), Optional.of(CLOCK.instant()), "SENT")));
        return new Person(client, rejected.reference().orElseThrow().value(), List.of(rejected.id(), withdrawn.id()), markers);
    }

    private static Consent consentOverride(String tag) {
        return Consent.safeguardingOverride(tag + "Justification", tag + "Approver", ConsentMethod.IN_PERSON,
                CLOCK.instant(), caseworker.userId());
    }

    private static Referral draft(EntityManager em, Client client, String tag, Consent consent) {
        Referral r = Referral.draft(caseworker, em.find(Client.class, client.id()), em.merge(service),
                new NeedsAssessment(Set.of("COUNSELLING"), Set.of(CrimeType.SEXUAL_ASSAULT), RiskLevel.HIGH,
                        Urgency.URGENT, true, Optional.of(tag + "CrimeRef"), Optional.of(tag + "Concerns")),
                CLOCK.instant());
        r.recordConsent(caseworker, consent, CLOCK.instant());
        return r;
    }

    private static Referral save(Function<EntityManager, Referral> make) {
        return db.inTransaction(em -> {
            Referral referral = make.apply(em);
            new JpaReferralRepository(em).add(referral);
            return referral;
        });
    }

    private static ClientService clients(EntityManager em) {
        return new ClientService(new JpaClientRepository(em), new AuditTrail(new JpaAuditEventRepository(em), CLOCK),
                FieldCipher.current(), CLOCK);
    }

    private static SubjectAccess subjectAccess(EntityManager em) {
        SentMailRecords mail = (Collection<String> ids) -> ids.stream()
                .flatMap(id -> MAIL.getOrDefault(id, List.of()).stream()).toList();
        return new SubjectAccess(new JpaReferralRepository(em), new JpaAuditEventRepository(em),
                new AuditTrail(new JpaAuditEventRepository(em), CLOCK), mail, new JpaOrganisationRepository(em),
                new JpaUserAccountRepository(em), CLOCK);
    }

    private static Map<String, String> export(Person person, String reason) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        db.inTransaction(em -> {
            subjectAccess(em).export(admin, new ReferralReference(person.reference()), reason, () -> zip);
            return null;
        });
        return unzipped(zip.toByteArray());
    }

    static Map<String, String> unzipped(byte[] zip) {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    @Test
    void everyMarkerOfThePersonIsInBothFilesAndNothingOfTheOtherPerson() {
        Map<String, String> files = export(alpha, "SAR-2026-17 received by post");

        assertThat(files).containsOnlyKeys(SubjectAccessDocument.HTML, SubjectAccessDocument.JSON);
        String html = files.get(SubjectAccessDocument.HTML);
        String json = files.get(SubjectAccessDocument.JSON);
        for (String marker : alpha.markers()) {
            assertThat(html).as("HTML holds %s", marker).contains(marker);
            assertThat(json).as("JSON holds %s", marker).contains(marker);
        }
        for (String marker : bravo.markers()) {
            assertThat(html).as("HTML leaks %s", marker).doesNotContain(marker);
            assertThat(json).as("JSON leaks %s", marker).doesNotContain(marker);
        }
        assertThat(html + json).doesNotContain("Bravo", "bravo").doesNotContain(bravo.referralIds());

        JsonObject document = Json.createReader(new StringReader(json)).readObject();
        JsonObject person = document.getJsonArray("person").getJsonObject(0);
        assertThat(person.getString("gender")).isEqualTo("FEMALE");
        assertThat(person.getString("preferredLanguage")).isEqualTo("pl");
        assertThat(person.getString("interpreterNeeded")).isEqualTo("true");
        assertThat(person.getString("voicemailAllowed")).isEqualTo("true");
        assertThat(person.getString("serviceMayIdentifyItself")).isEqualTo("true");
        assertThat(person.getString("recordedBy")).isEqualTo("Victim Care Unit");
        assertThat(document.getJsonArray("referrals")).hasSize(2);
        assertThat(document.getJsonArray("consent").getValuesAs(JsonObject.class))
                .anySatisfy(c -> assertThat(c.containsKey("withdrawnAt")).isTrue());
        assertThat(document.getJsonArray("access").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("who"))
                .contains("u-caseworker", "u-staff");
        assertThat(document.getJsonArray("emails").getValuesAs(JsonObject.class))
                .extracting(m -> ((JsonString) m.get("recipient")).getString())
                .containsExactly("alpha-inbox@example.org");
        assertThat(html).contains("<dt>Given name</dt><dd>AlphaGiven</dd>");
    }

    @Test
    void theExportIsAuditedWithItsReasonAgainstThePersonsRecord() {
        export(bravo, "Request 42 from the person's solicitor");

        List<AuditEvent> events = db.inTransaction(em -> new JpaAuditEventRepository(em)
                .findByRecord(AuditTrail.CLIENT, bravo.client().id()));
        assertThat(events).filteredOn(e -> e.actorUserId().equals(admin.userId())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditEvent.Action.READ);
            assertThat(e.detail()).isEqualTo("subject access: Request 42 from the person's solicitor");
        });
    }

    @Test
    void anUnknownReferenceOpensNoDownloadAndOnlyAnAdministratorMayExportForAReason() {
        OutputStream never = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("nothing is written");
            }
        };
        assertThatThrownBy(() -> db.inTransaction(em -> {
            subjectAccess(em).export(admin, new ReferralReference("WP-2026-999999"), "a reason", () -> never);
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> db.inTransaction(em -> {
            subjectAccess(em).export(caseworker, new ReferralReference(alpha.reference()), "a reason", () -> never);
            return null;
        })).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> SubjectAccess.checkedReason("  ")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> SubjectAccess.checkedReason("x".repeat(SubjectAccess.MAX_REASON + 1)))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> SubjectAccess.checkedReason("two\nlines")).isInstanceOf(InvalidField.class);
    }
}
