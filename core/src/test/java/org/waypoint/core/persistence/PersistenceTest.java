package org.waypoint.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.calendar.persistence.JpaBankHolidayRepository;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.client.persistence.JpaClientRepository;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralSort;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.referral.persistence.BlockReferenceCounter;
import org.waypoint.core.referral.persistence.JpaReferenceCounter;
import org.waypoint.core.referral.persistence.JpaReferralRepository;
import org.waypoint.core.referral.persistence.ReferenceYears;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.testing.TestDatabase;

/**
 * The model on a real database (Derby by default, PostgreSQL with the postgresql profile), through
 * the migrations and the application's persistence unit: what is saved comes back whole, no personal
 * text is readable in any column, and referral numbers stay unique under concurrent submissions.
 */
class PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<String> MARKERS = List.of(
            "MkGivenQx", "MkFamilyQx", "MkAccessQx", "07700 900111", "mkmail@qx.example", "MkAddressQx",
            "07700 900222", "MkSafeTimesQx", "MkCoverQx", "MkGuardianQx", "MkRelationQx", "07700 900333",
            "MkCrimeRefQx", "MkConcernsQx", "MkJustifyQx", "MkApproverQx", "MkReasonQx", "MkMessageQx",
            "M14 5RT", "2009-02-14", "GROOMING", "FEMALE");

    private static TestDatabase db;
    private static Organisation police;
    private static SupportService service;
    private static Actor caseworker;
    private static Actor staff;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        db.inTransaction(em -> {
            police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
            em.persist(police);
            em.persist(charity);
            ServiceCategory counselling = em.find(ServiceCategory.class, "COUNSELLING");
            service = new SupportService(charity, "Harbour Counselling", "Counselling.", List.of(counselling),
                    List.of("M"), new EmailAddress("referrals@harbour.example.org"));
            em.persist(service);
            caseworker = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
            staff = new Actor("u-staff", charity.id(), Role.SERVICE_STAFF);
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static ClientDetails markedDetails() {
        return new ClientDetails("MkGivenQx", "MkFamilyQx", LocalDate.of(2009, 2, 14), Gender.FEMALE, "pl", true,
                Optional.of("MkAccessQx"), Optional.of("M14 5RT"),
                new ContactDetails(Optional.of("07700 900111"), Optional.of("mkmail@qx.example"), Optional.of("MkAddressQx")),
                new SafeContact(Optional.of("07700 900222"), Optional.of("MkSafeTimesQx"), false, true, Optional.of("MkCoverQx")),
                Optional.of(new Guardian("MkGuardianQx", "MkRelationQx", Optional.of("07700 900333"))));
    }

    private static String duplicateKey(ClientDetails details) {
        return FieldCipher.current().blindIndex(FieldCipher.personKey(details.givenName(), details.familyName(),
                details.dateOfBirth()));
    }

    @Test
    void aReferralComesBackWholeAndNoPersonalTextIsReadableInTheDatabase() throws Exception {
        ClientDetails details = markedDetails();
        String referralId = db.inTransaction(em -> {
            Client client = new Client(police.id(), details, duplicateKey(details), caseworker.userId(), NOW);
            new JpaClientRepository(em).add(client);
            Referral referral = Referral.draft(caseworker, client, em.merge(service), new NeedsAssessment(
                    Set.of("COUNSELLING"), Set.of(CrimeType.GROOMING), RiskLevel.HIGH, Urgency.URGENT, true,
                    Optional.of("MkCrimeRefQx"), Optional.of("MkConcernsQx")), NOW);
            referral.recordConsent(caseworker, Consent.safeguardingOverride("MkJustifyQx", "MkApproverQx",
                    ConsentMethod.IN_PERSON, NOW, caseworker.userId()), NOW);
            referral.submit(caseworker, () -> ReferralReference.of(2026, 1), new WorkingCalendar(List.of()), NOW);
            referral.open(staff, NOW);
            referral.accept(staff, NOW);
            referral.start(staff, NOW);
            referral.hold(staff, "MkReasonQx", NOW);
            referral.sendMessage(staff, "MkMessageQx", NOW);
            new JpaReferralRepository(em).add(referral);
            return referral.id();
        });

        try (EntityManager em = db.entityManager()) {
            Referral loaded = new JpaReferralRepository(em).find(referralId).orElseThrow();
            assertThat(loaded.client().details()).usingRecursiveComparison().isEqualTo(details);
            assertThat(loaded.status()).isEqualTo(ReferralStatus.ON_HOLD);
            assertThat(loaded.needs().crimeTypes()).containsExactly(CrimeType.GROOMING);
            assertThat(loaded.needs().crimeReference()).contains("MkCrimeRefQx");
            assertThat(loaded.consent().orElseThrow().overrideJustification()).contains("MkJustifyQx");
            assertThat(loaded.timeline()).hasSize(7).last().satisfies(e -> assertThat(e.reason()).contains("MkReasonQx"));
            assertThat(loaded.messages()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("MkMessageQx"));
            assertThat(loaded.acknowledgeBy()).contains(Instant.parse("2026-11-25T00:00:00Z"));
            assertThat(new JpaClientRepository(em).findByDuplicateKey(police.id(), duplicateKey(details)))
                    .extracting(Client::id).containsExactly(loaded.client().id());
        }

        List<String> stored = textColumns("client", "referral", "referral_event", "referral_message");
        assertThat(stored).isNotEmpty().allSatisfy(value -> assertThat(value).doesNotContain(MARKERS));
        try (Connection connection = db.jdbc(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT given_name, family_name, date_of_birth, gender, postcode,"
                     + " phone, email, address, safe_number, safe_times, cover_story, guardian_name FROM client")) {
            assertThat(row.next()).isTrue();
            for (int column = 1; column <= 12; column++) {
                assertThat(row.getString(column)).as("column %d is AES-GCM text with its key id", column)
                        .matches("[A-Za-z0-9_-]{1,8}:[A-Za-z0-9+/]+=*");
            }
        }
    }

    private static List<String> textColumns(String... tables) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.jdbc(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            int type = meta.getColumnType(column);
                            if ((type == Types.VARCHAR || type == Types.CHAR) && rows.getString(column) != null) {
                                values.add(rows.getString(column));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    @Test
    void referralNumbersAreUniqueAndIncreasingUnderConcurrentSubmissions() throws Exception {
        int threads = 8;
        int perThread = 15;
        BlockReferenceCounter counter = counter();
        List<List<Long>> taken = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(counter.next(2027));
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> future : futures) {
                taken.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        List<Long> all = taken.stream().flatMap(List::stream).sorted().toList();
        assertThat(all).as("every number once, none skipped on one instance")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
        assertThat(taken).allSatisfy(mine -> assertThat(mine).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void instancesTakeNumbersInBlocksAndNeverTheSameOne() {
        BlockReferenceCounter first = counter();
        BlockReferenceCounter second = counter();

        List<Long> fromFirst = new ArrayList<>();
        List<Long> fromSecond = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fromFirst.add(first.next(2028));
            fromSecond.add(second.next(2028));
        }

        assertThat(fromFirst).startsWith(1L, 2L, 3L).isSorted();
        assertThat(fromSecond).startsWith(11L, 12L, 13L).isSorted();
        assertThat(fromFirst).doesNotContainAnyElementsOf(fromSecond);
        assertThat(fromFirst.get(10)).as("the first instance's second block follows the second's").isEqualTo(21L);
    }

    @Test
    void aYearTheMigrationsDidNotForeseeIsOpenedOnFirstUse() {
        BlockReferenceCounter counter = counter();
        long first = counter.next(2041);
        long second = counter.next(2041);

        assertThat(List.of(first, second)).containsExactly(1L, 2L);
    }

    /** The counter of one instance; each reservation in a transaction of its own, as REQUIRES_NEW does in the server. */
    private static BlockReferenceCounter counter() {
        ReferenceYears years = new ReferenceYears(null) {
            @Override
            public void open(int year) {
                db.inTransaction(own -> own.createNativeQuery(
                        "INSERT INTO reference_counter (counter_year, last_value) VALUES (?, 0)")
                        .setParameter(1, year).executeUpdate());
            }
        };
        return new BlockReferenceCounter(new JpaReferenceCounter(null, years) {
            @Override
            public long reserve(int year, int count) {
                return db.inTransaction(em -> new JpaReferenceCounter(em, years).reserve(year, count));
            }
        });
    }

    @Test
    void theBankHolidaysAreData() {
        try (EntityManager em = db.entityManager()) {
            assertThat(new JpaBankHolidayRepository(em).all()).hasSize(32)
                    .contains(LocalDate.of(2026, 12, 28), LocalDate.of(2028, 1, 3));
        }
    }

    @Test
    void theAuditTrailKeepsWhoReadWhatAndWhen() {
        String recordId = "3f0c8a53-7a8c-4a5b-9a49-0f6a1c2b9d10";
        db.inTransaction(em -> {
            new AuditTrail(new JpaAuditEventRepository(em), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                    .success(caseworker, AuditTrail.CLIENT, recordId, AuditEvent.Action.READ, "get");
            return null;
        });

        try (EntityManager em = db.entityManager()) {
            assertThat(new JpaAuditEventRepository(em).findByRecord(AuditTrail.CLIENT, recordId)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.at()).isEqualTo(NOW);
                        assertThat(e.actorUserId()).isEqualTo(caseworker.userId());
                        assertThat(e.actorOrganisationId()).isEqualTo(police.id());
                        assertThat(e.action()).isEqualTo(AuditEvent.Action.READ);
                        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
                    });
        }
    }
    @Test
    void aDraftIsSavedWithThePersonAloneThenAnsweredAndADiscardedOneIsDeletedWithItsTimeline() throws Exception {
        ClientDetails marked = markedDetails();
        ClientDetails details = new ClientDetails("Draft Given", "Draft Family", LocalDate.of(1999, 1, 2), Gender.FEMALE,
                "en", false, marked.accessNeeds(), marked.postcode(), marked.contact(), marked.safeContact(), marked.guardian());
        String draftId = db.inTransaction(em -> {
            Client client = new Client(police.id(), details, duplicateKey(details), caseworker.userId(), NOW);
            new JpaClientRepository(em).add(client);
            Referral draft = Referral.draft(caseworker, client, NOW);
            new JpaReferralRepository(em).add(draft);
            return draft.id();
        });
        try (EntityManager em = db.entityManager()) {
            Referral loaded = new JpaReferralRepository(em).find(draftId).orElseThrow();
            assertThat(loaded.chosenService()).isEmpty();
            assertThat(loaded.assessment()).isEmpty();
            assertThat(loaded.client().details().givenName()).isEqualTo(details.givenName());
            assertThat(new JpaReferralRepository(em).search(Optional.of(police.id()), Optional.empty(),
                    org.waypoint.core.referral.ReferralQuery.all(0, 100), Optional.empty(), NOW).items())
                    .extracting(Referral::id).contains(draftId);
        }
        db.inTransaction(em -> {
            Referral draft = new JpaReferralRepository(em).find(draftId).orElseThrow();
            draft.recordNeeds(caseworker, new NeedsAssessment(Set.of("COUNSELLING"), Set.of(CrimeType.STALKING),
                    RiskLevel.STANDARD, Urgency.ROUTINE, false, Optional.empty(), Optional.empty()), Optional.of("MkAreaQx"), NOW);
            draft.chooseService(caseworker, em.merge(service), NOW);
            return null;
        });
        assertThat(textColumns("referral")).allSatisfy(value -> assertThat(value).doesNotContain("MkAreaQx"));
        db.inTransaction(em -> {
            Referral draft = new JpaReferralRepository(em).find(draftId).orElseThrow();
            assertThat(draft.missing()).containsExactly(org.waypoint.core.referral.DraftPart.CONSENT);
            assertThat(draft.matchArea()).contains("MkAreaQx");
            draft.discard(caseworker);
            new JpaReferralRepository(em).remove(draft);
            return null;
        });
        try (EntityManager em = db.entityManager()) {
            assertThat(new JpaReferralRepository(em).find(draftId)).isEmpty();
            assertThat(em.createNativeQuery("SELECT COUNT(*) FROM referral_event WHERE referral_id = ?1")
                    .setParameter(1, draftId).getSingleResult().toString()).isEqualTo("0");
        }
    }

    @Test
    void referralsAreFoundByThePersonsBlindIndexByReferenceAndByTheDaysSent() {
        ClientDetails marked = markedDetails();
        ClientDetails details = new ClientDetails("Search Given", "Search Family", LocalDate.of(2001, 5, 12), Gender.FEMALE,
                "en", false, marked.accessNeeds(), marked.postcode(), marked.contact(), marked.safeContact(), marked.guardian());
        // 23:30 on 5 October in London (summer time).
        Instant sentAt = Instant.parse("2026-10-05T22:30:00Z");
        String[] ids = db.inTransaction(em -> {
            Client client = new Client(police.id(), details, duplicateKey(details), caseworker.userId(), sentAt);
            new JpaClientRepository(em).add(client);
            Referral sent = Referral.draft(caseworker, client, em.merge(service), new NeedsAssessment(Set.of("COUNSELLING"),
                    Set.of(CrimeType.STALKING), RiskLevel.STANDARD, Urgency.ROUTINE, false, Optional.empty(), Optional.empty()),
                    sentAt);
            sent.recordConsent(caseworker, Consent.given(org.waypoint.core.referral.ConsentBasis.GIVEN_BY_PERSON, true, true,
                    ConsentMethod.IN_PERSON, sentAt, caseworker.userId()), sentAt);
            sent.submit(caseworker, () -> ReferralReference.of(2026, 777), new WorkingCalendar(List.of()), sentAt);
            Referral draft = Referral.draft(caseworker, client, em.merge(service), sent.needs(), sentAt.plusSeconds(86_400 * 3));
            new JpaReferralRepository(em).add(sent);
            new JpaReferralRepository(em).add(draft);
            return new String[] {client.id(), sent.id(), draft.id()};
        });
        String blindIndex = new org.waypoint.core.client.NameAndDateOfBirth(" search given", "SEARCH FAMILY",
                LocalDate.of(2001, 5, 12)).blindIndex(FieldCipher.current());

        try (EntityManager em = db.entityManager()) {
            JpaReferralRepository repository = new JpaReferralRepository(em);
            List<String> clients = new JpaClientRepository(em).findByDuplicateKey(police.id(), blindIndex).stream()
                    .map(Client::id).toList();
            assertThat(clients).containsExactly(ids[0]);
            org.waypoint.core.referral.ReferralQuery all = org.waypoint.core.referral.ReferralQuery.all(0, 25);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all, Optional.of(clients), NOW).items())
                    .extracting(Referral::id).containsExactlyInAnyOrder(ids[1], ids[2]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all, Optional.of(List.of()), NOW).total())
                    .isZero();
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), new org.waypoint.core.referral.ReferralQuery(
                    Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.of("WP-2026-000777"), 0, 25),
                    Optional.empty(), NOW).items()).extracting(Referral::id).containsExactly(ids[1]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.between(
                    Optional.of(LocalDate.of(2026, 10, 5)), Optional.of(LocalDate.of(2026, 10, 5))), Optional.of(clients), NOW)
                    .items()).as("sent late on 5 October, London time").extracting(Referral::id).containsExactly(ids[1]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.between(
                    Optional.of(LocalDate.of(2026, 10, 6)), Optional.empty()), Optional.of(clients), NOW)
                    .items()).as("the draft, started on the 8th").extracting(Referral::id).containsExactly(ids[2]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.changedSince(
                    Optional.of(sentAt.plusSeconds(1)), ReferralSort.UPDATED), Optional.empty(), NOW).items())
                    .as("changed since it was sent: only the draft").extracting(Referral::id).containsExactly(ids[2]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.changedSince(
                    Optional.of(sentAt), ReferralSort.UPDATED_DESCENDING), Optional.of(clients), NOW).items())
                    .extracting(Referral::id).containsExactly(ids[2], ids[1]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.changedSince(
                    Optional.empty(), ReferralSort.UPDATED), Optional.of(clients), NOW).items())
                    .extracting(Referral::id).containsExactly(ids[1], ids[2]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.changedSince(
                    Optional.empty(), ReferralSort.REFERENCE_DESCENDING), Optional.of(clients), NOW).items())
                    .as("a draft has no reference yet").extracting(Referral::id).containsExactly(ids[2], ids[1]);
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.ofUrgency(
                    Optional.of(Urgency.URGENT), ReferralSort.DUE), Optional.of(clients), NOW).items()).isEmpty();
            assertThat(repository.search(Optional.of(police.id()), Optional.empty(), all.ofUrgency(
                    Optional.of(Urgency.ROUTINE), ReferralSort.DUE), Optional.of(clients), NOW).items())
                    .extracting(Referral::id).containsExactly(ids[1], ids[2]);
        }
    }

    @Test
    void theDashboardCountsInTheDatabaseWhatTheReferralsThemselvesSay() {
        Instant weekStart = NOW.minusSeconds(86_400 * 3);
        try (EntityManager em = db.entityManager()) {
            JpaReferralRepository repository = new JpaReferralRepository(em);
            for (Instant now : List.of(NOW, NOW.plusSeconds(86_400 * 30))) {
                assertThat(repository.counts(Optional.of(police.id()), Optional.empty(), now, weekStart))
                        .isEqualTo(countsOf(repository.madeBy(police.id()), now, weekStart));
                assertThat(repository.counts(Optional.empty(), Optional.of(service.organisation().id()), now, weekStart))
                        .isEqualTo(countsOf(repository.sentTo(service.organisation().id()), now, weekStart));
            }
            assertThat(repository.countOverdue(NOW.plusSeconds(86_400 * 30))).isEqualTo(repository.overdue(NOW.plusSeconds(86_400 * 30)).size());
            assertThat(repository.counts(Optional.of("no-such-organisation"), Optional.empty(), NOW, weekStart))
                    .isEqualTo(new org.waypoint.core.referral.DashboardCounts(0, 0, 0));
        }
    }

    private static org.waypoint.core.referral.DashboardCounts countsOf(List<Referral> referrals, Instant now, Instant weekStart) {
        return new org.waypoint.core.referral.DashboardCounts(
                referrals.stream().filter(r -> r.status() == org.waypoint.core.referral.ReferralStatus.REQUESTED).count(),
                referrals.stream().filter(r -> r.isOverdue(now)).count(),
                referrals.stream().filter(r -> r.acceptedAt().filter(at -> !at.isBefore(weekStart)).isPresent()).count());
    }
}
