package org.waypoint.core.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.DirectoryChanged;
import org.waypoint.core.directory.DirectoryExport;
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.ImportReport;
import org.waypoint.core.directory.ImportReport.Outcome;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.core.directory.PublishedTaxonomy;
import org.waypoint.core.directory.PublishedTaxonomy.Facet;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.persistence.JpaOrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * An administrator imports an Open Referral UK directory into a real database (Derby here,
 * PostgreSQL under the postgresql profile): what a dry run reports, what applying it writes, that a
 * second import of the same source changes nothing, and that bad input is reported and changes nothing.
 */
class DirectoryImportTest {

    private static final long MAX_BYTES = 1024 * 1024;
    private static final Path EXAMPLES = Path.of("/work/shared/standards/oruk/examples");
    private static final String HARBOUR = "0b7f4c55-2a4e-4e7c-9a51-3d8f2f1e6a01";
    private static final String COUNSELLING_ID = "7c1d2e3f-4a5b-4c6d-8e7f-901234567801";
    private static final String ADVOCACY_ID = "7c1d2e3f-4a5b-4c6d-8e7f-901234567802";

    private final Actor admin = new Actor("u-admin", "org-admin", Role.ADMIN);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T15:00:00Z"));
    private final InMemory.Events events = new InMemory.Events();
    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDryRunReportsEveryServiceAndWritesNothing() throws SQLException {
        String source = page(counselling(), advocacy(), service(UUID3, "Old Service", "active").add("description", "Gone")
                .add("organization", harbour()).add("attributes", attributes("ffffffff-0000-0000-0000-000000000001")));

        ImportReport report = run(false, source);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).isEmpty();
        assertThat(report.services()).extracting(ImportReport.Line::name, ImportReport.Line::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Harbour Counselling", Outcome.NEW),
                org.assertj.core.groups.Tuple.tuple("Harbour Advocacy", Outcome.NEW),
                org.assertj.core.groups.Tuple.tuple("Old Service", Outcome.SKIPPED));
        assertThat(report.services().get(2).detail()).isEqualTo("None of its taxonomy terms maps to a Waypoint need.");
        assertThat(report.unmappedTerms()).singleElement().satisfies(term -> {
            assertThat(term.id()).isEqualTo("ffffffff-0000-0000-0000-000000000001");
            assertThat(term.name()).isEqualTo("Someone else's term");
            assertThat(term.services()).isEqualTo(1);
        });
        assertThat(count("support_service")).isZero();
        assertThat(count("organisation")).isZero();
        assertThat(events.published).isEmpty();
    }

    @Test
    void applyingAddsServicesClosedWithoutAnInboxAndAReimportChangesNothing() throws SQLException {
        String source = page(counselling(), advocacy());

        ImportReport report = run(true, source);

        assertThat(report.applied()).isTrue();
        assertThat(report.count(Outcome.NEW)).isEqualTo(2);
        SupportService counselling = db.inTransaction(em -> {
            SupportService s = new JpaSupportServiceRepository(em).find(COUNSELLING_ID).orElseThrow();
            s.categories();
            s.postcodePrefixes();
            s.languages();
            s.deliveryModes();
            s.eligibility();
            s.openingTimes();
            return s;
        });
        assertThat(counselling.name()).isEqualTo("Harbour Counselling");
        assertThat(counselling.organisation().id()).isEqualTo(HARBOUR);
        assertThat(counselling.organisation().name()).isEqualTo("Harbour Support Trust");
        assertThat(counselling.capacity()).isEqualTo(Capacity.CLOSED);
        assertThat(counselling.referralInbox()).isEmpty();
        assertThatThrownBy(counselling::open).isInstanceOf(RuleViolation.class)
                .hasMessage("a service takes referrals only once it has a referral inbox");
        assertThat(counselling.categories()).extracting(c -> c.code()).containsExactly("COUNSELLING");
        assertThat(counselling.postcodePrefixes()).containsExactly("M", "M14");
        assertThat(counselling.eligibility().ages()).isEqualTo(AgeRange.between(13, 25));
        assertThat(counselling.eligibility().crimeTypes()).containsExactly(CrimeType.GROOMING);
        assertThat(counselling.eligibility().genders()).isEmpty();
        assertThat(counselling.languages()).containsExactly(new LanguageCode("en"), new LanguageCode("pl"));
        assertThat(counselling.interpretersAvailable()).isTrue();
        assertThat(counselling.deliveryModes()).containsExactly(DeliveryMode.IN_PERSON, DeliveryMode.VIDEO);
        assertThat(counselling.publicAddress()).contains("Willow House, 40 Mill Lane, Northshire M14 2AB");
        assertThat(counselling.openingTimes()).as("weekly schedules, one a day; a monthly one left out").containsExactly(
                OpeningTime.of(DayOfWeek.MONDAY, "09:00", "17:00"), OpeningTime.of(DayOfWeek.WEDNESDAY, "09:00", "17:00"),
                OpeningTime.of(DayOfWeek.SATURDAY, "10:00", "12:30"));
        assertThat(count("organisation")).isEqualTo(1);
        assertThat(events.published).containsExactly(new DirectoryChanged(DirectoryExport.WHOLE_DIRECTORY));
        assertThat(auditDetails()).containsExactly("import 2 new 0 changed 0 same 0 skipped");
        List<String> written = versions();

        ImportReport again = run(true, source);

        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(2);
        assertThat(again.count(Outcome.NEW) + again.count(Outcome.CHANGED)).isZero();
        assertThat(events.published).hasSize(1);
        assertThat(versions()).as("an unchanged service is not written: no new version, the same last_modified")
                .isEqualTo(written);
    }

    @Test
    void aReimportChangesOnlyWhatChangedAndKeepsWhatOnlyWaypointSays() {
        run(true, page(counselling(), advocacy()));
        db.inTransaction(em -> {
            SupportService s = new JpaSupportServiceRepository(em).find(COUNSELLING_ID).orElseThrow();
            s.describe(s.name(), s.description(), s.categories(), s.postcodePrefixes(), new EmailAddress("intake@harbour.example.org"));
            s.waitingList(3);
            return null;
        });
        JsonObjectBuilder changed = counselling().add("description", "Counselling, now also on Saturdays.");

        ImportReport report = run(true, page(changed, advocacy()));

        assertThat(report.services()).filteredOn(l -> l.outcome() == Outcome.CHANGED).singleElement()
                .satisfies(line -> assertThat(line.detail()).isEqualTo("description"));
        assertThat(report.count(Outcome.UNCHANGED)).isEqualTo(1);
        SupportService after = db.inTransaction(em -> new JpaSupportServiceRepository(em).find(COUNSELLING_ID).orElseThrow());
        assertThat(after.description()).isEqualTo("Counselling, now also on Saturdays.");
        assertThat(after.capacity()).isEqualTo(Capacity.WAITING_LIST);
        assertThat(after.referralInbox()).contains(new EmailAddress("intake@harbour.example.org"));
    }

    @Test
    void eachServiceWaypointCannotUseIsSkippedWithItsReasonAndTheRestApplied() throws SQLException {
        String source = page(
                counselling(),
                service(UUID3, "Defunct", "defunct").add("description", "x").add("organization", harbour()).add("attributes", attributes(need("COUNSELLING"))),
                service(UUID4, "No description", "active").add("organization", harbour()).add("attributes", attributes(need("COUNSELLING"))),
                service(UUID5, "No area", "active").add("description", "x").add("organization", harbour()).add("attributes", attributes(need("COUNSELLING"))),
                service(UUID6, "Odd ages", "active").add("description", "x").add("organization", harbour()).add("minimum_age", 30)
                        .add("maximum_age", 20).add("attributes", attributes(need("COUNSELLING"))).add("service_areas", areas("M")),
                service(UUID7, "No organisation", "active").add("description", "x").add("organization_id", "unknown")
                        .add("attributes", attributes(need("COUNSELLING"))).add("service_areas", areas("M")));

        ImportReport report = run(true, source);

        assertThat(report.services()).extracting(ImportReport.Line::detail).containsExactly("",
                "The source lists it as defunct.",
                "It has no description.",
                "It gives no service area as a postcode area or district, and no address with a postcode.",
                "Its ages are not a plausible range.",
                "Its organisation is described neither in the source nor in Waypoint.");
        assertThat(count("support_service")).isEqualTo(1);
    }

    @Test
    void anAdministratorsMappingTurnsAnotherDirectorysTermIntoAWaypointNeed() {
        String foreign = "council-taxonomy:mental-health";
        String source = page(service(UUID3, "Talking Space", "active").add("description", "Talking therapy.")
                .add("organization", harbour()).add("attributes", attributes(foreign)).add("service_areas", areas("LS6")));
        assertThat(run(false, source).services().get(0).outcome()).isEqualTo(Outcome.SKIPPED);

        db.inTransaction(em -> {
            importer(em).mapTerm(admin, foreign, need("THERAPY"));
            return null;
        });

        ImportReport report = run(true, source);
        assertThat(report.services().get(0).outcome()).isEqualTo(Outcome.NEW);
        assertThat(report.unmappedTerms()).isEmpty();
        String need = db.inTransaction(em -> new JpaSupportServiceRepository(em).find(UUID3).orElseThrow().categories().get(0).code());
        assertThat(need).isEqualTo("THERAPY");
        assertThatThrownBy(() -> db.inTransaction(em -> {
            importer(em).mapTerm(admin, foreign, "not-a-waypoint-term");
            return null;
        })).isInstanceOf(InvalidField.class);
    }

    @Test
    void onlyAnAdministratorImports() {
        Actor staff = new Actor("u-staff", HARBOUR, Role.SERVICE_STAFF);
        assertThatThrownBy(() -> db.inTransaction(em -> importer(em).apply(staff, source(page(counselling())))))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void anIdThatIsNotAUuidGetsAStableNameBasedOne() {
        String source = page(service("LS-COUNCIL-0042", "Leeds Counselling", "active").add("description", "Counselling.")
                .add("organization", Json.createObjectBuilder().add("id", "LS-ORG-7").add("name", "Leeds Trust").add("description", "A trust."))
                .add("attributes", attributes(need("COUNSELLING"))).add("service_areas", areas("LS")));
        run(true, source);
        assertThat(run(true, source).services().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
        String id = PublishedTaxonomy.nameUuid("oruk:service:LS-COUNCIL-0042").toString();
        boolean found = db.inTransaction(em -> new JpaSupportServiceRepository(em).find(id).isPresent());
        assertThat(found).isTrue();
    }

    @Test
    void aLargeSourceIsWrittenInBatchesAndItsReimportChangesEveryServiceItChanged() throws SQLException {
        int count = 1_201;
        JsonObjectBuilder[] many = new JsonObjectBuilder[count];
        for (int i = 0; i < count; i++) {
            many[i] = generated(i, "Counselling.");
        }
        assertThat(run(true, page(many)).count(Outcome.NEW)).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            many[i] = generated(i, i % 2 == 0 ? "Counselling, changed." : "Counselling.");
        }

        ImportReport again = run(true, page(many));

        assertThat(again.count(Outcome.CHANGED)).isEqualTo(601);
        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(600);
        assertThat(count("support_service")).isEqualTo(count);
        try (Connection connection = db.jdbc(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT COUNT(*) FROM support_service WHERE description = 'Counselling, changed.'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(601);
        }
    }

    @Test
    void aReimportInAnotherOrderChangesOnlyTheServiceThatChangedAndReportsInTheSourcesOrder() throws SQLException {
        int count = 1_300;
        JsonObjectBuilder[] first = new JsonObjectBuilder[count];
        for (int i = 0; i < count; i++) {
            first[i] = generated(i, "Counselling.");
        }
        assertThat(run(true, page(first)).count(Outcome.NEW)).isEqualTo(count);
        List<String> before = versions();
        // Every tenth service is left out of the second source: kept, it lies between those compared.
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 10 != 0) {
                again.add(i);
            }
        }
        Collections.shuffle(again, new Random(16));
        JsonObjectBuilder[] second = again.stream()
                .map(i -> generated(i, i == 1_001 ? "Counselling, changed." : "Counselling."))
                .toArray(JsonObjectBuilder[]::new);

        ImportReport report = run(true, page(second));

        assertThat(report.services()).extracting(ImportReport.Line::sourceId)
                .containsExactlyElementsOf(again.stream().map(DirectoryImportTest::generatedId).toList());
        assertThat(report.services()).filteredOn(l -> l.outcome() == Outcome.CHANGED).singleElement()
                .satisfies(line -> assertThat(line.sourceId()).isEqualTo(generatedId(1_001)))
                .satisfies(line -> assertThat(line.detail()).isEqualTo("description"));
        assertThat(report.count(Outcome.UNCHANGED)).isEqualTo(again.size() - 1);
        List<String> after = versions();
        assertThat(after).hasSize(count);
        List<String> written = after.stream().filter(v -> !before.contains(v)).toList();
        assertThat(written).singleElement().satisfies(v -> assertThat(v).startsWith(generatedId(1_001) + " "));
    }

    private static String generatedId(int i) {
        return String.format("4b000000-0000-4000-8000-%012d", i);
    }

    private static JsonObjectBuilder generated(int i, String description) {
        return service(generatedId(i), "Service " + i, "active")
                .add("description", description)
                .add("organization", Json.createObjectBuilder().add("id", String.format("5c000000-0000-4000-8000-%012d", i % 7))
                        .add("name", "Trust " + (i % 7)).add("description", "A trust."))
                .add("attributes", attributes(need("COUNSELLING"))).add("service_areas", areas("M" + (1 + i % 20)));
    }

    // Bad input: each a report with a problem, and nothing written.

    @Test
    void invalidJsonIsReportedWithWhereItBreaks() throws SQLException {
        assertRefused("{\"contents\": [ {\"id\": ", "The source is not valid JSON (line 1");
    }

    @Test
    void aWebPageInsteadOfJsonIsReported() throws SQLException {
        assertRefused("<!DOCTYPE html><html><body>Not found</body></html>", "The source is not valid JSON (line 1, column 1)");
    }

    @Test
    void jsonThatIsNotAPageOfServicesIsReported() throws SQLException {
        assertRefused("{\"services\": []}", "The file is not a page of services: it has no \"contents\" list.");
        assertRefused("42", "The file is neither a page of services");
    }

    @Test
    void schemaViolationsAreReportedServiceByServiceAndNothingIsApplied() throws SQLException {
        String source = page(counselling(),
                Json.createObjectBuilder().add("id", UUID3).add("status", "open"),
                service(UUID4, "Ages as text", "active").add("minimum_age", "twelve"));
        ImportReport report = run(true, source);
        assertThat(report.problems()).containsExactly(
                "Service 2: name is missing.",
                "Service 2: status is not one of active, inactive, defunct, temporarily closed.",
                "Service 3: minimum_age is not a whole number.");
        assertThat(report.applied()).isFalse();
        assertThat(report.services()).isEmpty();
        assertThat(count("support_service")).isZero();
    }

    @Test
    void jsonNestedDeeperThanAnyDirectoryIsReported() throws SQLException {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertRefused("{\"a\": " + deep + ", \"contents\": []}", "The source is nested deeper than a directory can be.");
        assertRefused("{\"contents\": [{\"id\": \"x\", \"more\": " + deep + "}]}", "The source is nested deeper than a directory can be.");
    }

    @Test
    void twoServicesWithOneIdAreReported() throws SQLException {
        assertRefused(page(counselling(), counselling()), "Two services have the id " + COUNSELLING_ID + ": ids must be unique.");
    }

    @Test
    void aTenMegabyteStringIsReported() throws SQLException {
        String huge = "x".repeat(10 * 1024 * 1024);
        OrukSource source = new OrukSource(64L * 1024 * 1024);
        source.read(new ByteArrayInputStream(page(counselling().add("description", huge)).getBytes(StandardCharsets.UTF_8)));
        assertThat(source.problems()).containsExactly("A text at service 1/description is longer than 100000 characters.");
        ImportReport report = db.inTransaction(em -> importer(em).apply(admin, source));
        assertThat(report.applied()).isFalse();
        assertThat(count("support_service")).isZero();
    }

    @Test
    void aSourceLargerThanAllowedIsReported() throws SQLException {
        OrukSource source = new OrukSource(1000);
        source.read(new ByteArrayInputStream(page(counselling(), advocacy()).getBytes(StandardCharsets.UTF_8)));
        assertThat(source.problems()).containsExactly("The source is larger than 0 MB, the most an import takes.");
        assertThat(db.inTransaction(em -> importer(em).apply(admin, source)).applied()).isFalse();
        assertThat(count("support_service")).isZero();
    }

    @Test
    @EnabledIf("examplesPresent")
    void theProfilesOwnExamplesReadAndAreJudged() throws IOException {
        OrukSource list = new OrukSource(MAX_BYTES);
        try (var in = Files.newInputStream(EXAMPLES.resolve("service_list.json"))) {
            list.read(in);
        }
        assertThat(list.problems()).isEmpty();
        assertThat(list.services()).hasSize(1);
        OrukSource full = new OrukSource(MAX_BYTES);
        try (var in = new ByteArrayInputStream(("[" + Files.readString(EXAMPLES.resolve("service_full.json")) + "]")
                .getBytes(StandardCharsets.UTF_8))) {
            full.read(in);
        }
        assertThat(full.problems()).isEmpty();
        ImportReport report = db.inTransaction(em -> importer(em).dryRun(admin, full));
        assertThat(report.services()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(line.detail()).isEqualTo("None of its taxonomy terms maps to a Waypoint need.");
        });
        assertThat(report.unmappedTerms()).extracting(ImportReport.UnmappedTerm::id).containsExactly("3f7b145d-84af-42d7-8fae-eaca714b02b2");
    }

    static boolean examplesPresent() {
        return Files.isDirectory(EXAMPLES);
    }

    private void assertRefused(String json, String problem) throws SQLException {
        ImportReport report = run(true, json);
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p).startsWith(problem));
        assertThat(count("support_service")).isZero();
        assertThat(events.published).isEmpty();
    }

    // The source, built as another directory would write it.

    private static final String UUID3 = "3a000000-0000-4000-8000-000000000003";
    private static final String UUID4 = "3a000000-0000-4000-8000-000000000004";
    private static final String UUID5 = "3a000000-0000-4000-8000-000000000005";
    private static final String UUID6 = "3a000000-0000-4000-8000-000000000006";
    private static final String UUID7 = "3a000000-0000-4000-8000-000000000007";

    private static JsonObjectBuilder counselling() {
        return service(COUNSELLING_ID, "Harbour Counselling", "active")
                .add("description", "Counselling for young people after sexual abuse.")
                .add("organization", harbour())
                .add("minimum_age", 13).add("maximum_age", 25)
                .add("attributes", attributes(need("COUNSELLING"), term(Facet.CRIME_TYPES, "GROOMING"),
                        term(Facet.DELIVERY, "IN_PERSON"), term(Facet.DELIVERY, "VIDEO"), term(Facet.DELIVERY, "INTERPRETERS")))
                .add("service_areas", areas("M", "m14"))
                .add("schedules", Json.createArrayBuilder()
                        .add(schedule("WEEKLY", "MO,WE", "09:00", "17:00"))
                        .add(schedule("WEEKLY", "SA", "10:00:00", "12:30:00"))
                        .add(schedule("WEEKLY", "MO", "18:00", "20:00"))
                        .add(schedule("MONTHLY", "TU", "09:00", "12:00")))
                .add("languages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", "l1").add("code", "en"))
                        .add(Json.createObjectBuilder().add("id", "l2").add("code", "pl")))
                .add("service_at_locations", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "sal")
                        .add("location", Json.createObjectBuilder().add("id", "loc").add("location_type", "physical")
                                .add("addresses", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "a")
                                        .add("address_1", "Willow House, 40 Mill Lane").add("city", "Northshire")
                                        .add("state_province", "").add("postal_code", "M14 2AB").add("country", "GB")
                                        .add("address_type", "physical"))))));
    }

    private static JsonObjectBuilder schedule(String freq, String byday, String opens, String closes) {
        return Json.createObjectBuilder().add("id", "schedule-" + freq + byday + opens).add("freq", freq).add("byday", byday)
                .add("opens_at", opens).add("closes_at", closes);
    }

    private static JsonObjectBuilder advocacy() {
        return service(ADVOCACY_ID, "Harbour Advocacy", "temporarily closed")
                .add("description", "Advocacy.")
                .add("organization_id", HARBOUR)
                .add("attributes", attributes(need("ADVOCACY")))
                .add("service_areas", areas("M"));
    }

    private static JsonObjectBuilder harbour() {
        return Json.createObjectBuilder().add("id", HARBOUR).add("name", "Harbour Support Trust").add("description", "A charity.");
    }

    private static JsonObjectBuilder service(String id, String name, String status) {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("status", status);
    }

    private static String need(String code) {
        return PublishedTaxonomy.termId(Facet.NEEDS, code);
    }

    private static String term(Facet facet, String code) {
        return PublishedTaxonomy.termId(facet, code);
    }

    private static JsonArrayBuilder attributes(String... termIds) {
        JsonArrayBuilder attributes = Json.createArrayBuilder();
        for (String id : termIds) {
            attributes.add(Json.createObjectBuilder().add("id", "attr-" + id).add("taxonomy_term_id", id)
                    .add("taxonomy_term", Json.createObjectBuilder().add("id", id).add("name", "Someone else's term")
                            .add("description", "A term.")));
        }
        return attributes;
    }

    private static JsonArrayBuilder areas(String... prefixes) {
        JsonArrayBuilder areas = Json.createArrayBuilder();
        for (String prefix : prefixes) {
            areas.add(Json.createObjectBuilder().add("id", "area-" + prefix).add("name", prefix)
                    .add("extent_type", "postcode_district").add("extent", prefix));
        }
        return areas;
    }

    private static String page(JsonObjectBuilder... services) {
        JsonArrayBuilder contents = Json.createArrayBuilder();
        for (JsonObjectBuilder service : services) {
            contents.add(service);
        }
        JsonObject page = Json.createObjectBuilder().add("total_items", services.length).add("total_pages", 1)
                .add("page_number", 1).add("contents", contents).build();
        return page.toString();
    }

    // Running the import in a transaction of its own, as the server does.

    private OrukSource source(String json) {
        OrukSource source = new OrukSource(MAX_BYTES);
        source.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return source;
    }

    private ImportReport run(boolean apply, String json) {
        OrukSource source = source(json);
        return db.inTransaction(em -> apply ? importer(em).apply(admin, source) : importer(em).dryRun(admin, source));
    }

    private DirectoryImport importer(jakarta.persistence.EntityManager em) {
        return new DirectoryImport(new JpaSupportServiceRepository(em), new JpaOrganisationRepository(em),
                new JpaTermMappingRepository(em), events, new AuditTrail(new JpaAuditEventRepository(em), clock));
    }

    private long count(String table) throws SQLException {
        try (Connection connection = db.jdbc(); ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each service's id, version and last_modified, as stored. */
    private List<String> versions() throws SQLException {
        try (Connection connection = db.jdbc(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT id, version, last_modified FROM support_service ORDER BY id")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1) + " " + rows.getLong(2) + " " + rows.getTimestamp(3).toInstant());
            }
            return versions;
        }
    }

    private List<String> auditDetails() throws SQLException {
        try (Connection connection = db.jdbc(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT detail FROM audit_event WHERE record_id = 'directory' ORDER BY occurred_at")) {
            List<String> details = new java.util.ArrayList<>();
            while (rows.next()) {
                details.add(rows.getString(1));
            }
            return details;
        }
    }
}
