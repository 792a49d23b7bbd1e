package org.waypoint.core.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;

/** Builds support services for tests: an open counselling service in area M, for anyone, in English. */
final class SupportServiceBuilder {

    private static final Organisation CHARITY = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);

    private Organisation owner = CHARITY;
    private String name = "Harbour Counselling";
    private List<String> categories = List.of("COUNSELLING");
    private List<String> areas = List.of("M");
    private Eligibility eligibility = Eligibility.ANYONE;
    private List<LanguageCode> languages = List.of(LanguageCode.ENGLISH);
    private boolean interpreters;
    private int waitWeeks;
    private boolean closed;

    static SupportServiceBuilder aService() {
        return new SupportServiceBuilder();
    }

    SupportServiceBuilder named(String name) {
        this.name = name;
        return this;
    }

    SupportServiceBuilder ownedBy(Organisation organisation) {
        this.owner = organisation;
        return this;
    }

    SupportServiceBuilder offering(String... categoryCodes) {
        this.categories = List.of(categoryCodes);
        return this;
    }

    SupportServiceBuilder covering(String... postcodePrefixes) {
        this.areas = List.of(postcodePrefixes);
        return this;
    }

    SupportServiceBuilder forAges(int min, int max) {
        return forAges(AgeRange.between(min, max));
    }

    SupportServiceBuilder forAges(AgeRange ages) {
        this.eligibility = eligibility.withAges(ages);
        return this;
    }

    SupportServiceBuilder forGenders(Gender... genders) {
        this.eligibility = eligibility.withGenders(List.of(genders));
        return this;
    }

    SupportServiceBuilder forCrimeTypes(CrimeType... types) {
        this.eligibility = eligibility.withCrimeTypes(List.of(types));
        return this;
    }

    SupportServiceBuilder forRiskLevels(RiskLevel... levels) {
        this.eligibility = eligibility.withRiskLevels(List.of(levels));
        return this;
    }

    SupportServiceBuilder inLanguages(String... codes) {
        this.languages = Arrays.stream(codes).map(LanguageCode::new).toList();
        return this;
    }

    SupportServiceBuilder arrangingInterpreters() {
        this.interpreters = true;
        return this;
    }

    SupportServiceBuilder waitingList(int weeks) {
        this.waitWeeks = weeks;
        return this;
    }

    SupportServiceBuilder closed() {
        this.closed = true;
        return this;
    }

    SupportService build() {
        List<ServiceCategory> taxonomy = new ArrayList<>();
        categories.forEach(code -> taxonomy.add(new ServiceCategory(code, code.toLowerCase())));
        SupportService service = new SupportService(owner, name, "A service for tests.", taxonomy, areas,
                new EmailAddress("referrals@harbour.example.org"));
        service.eligibility(eligibility);
        service.languages(languages, interpreters);
        if (closed) {
            service.close();
        } else if (waitWeeks > 0) {
            service.waitingList(waitWeeks);
        }
        return service;
    }

    ServiceProfile profile() {
        return ServiceProfile.of(build());
    }
}
