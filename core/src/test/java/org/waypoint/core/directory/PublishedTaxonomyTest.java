package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.waypoint.core.directory.PublishedTaxonomy.Facet;
import org.waypoint.core.directory.PublishedTaxonomy.Term;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;

class PublishedTaxonomyTest {

    private static final List<ServiceCategory> CATEGORIES = List.of(
            new ServiceCategory("ISVA", "Independent sexual violence adviser (ISVA)"),
            new ServiceCategory("COUNSELLING", "Counselling"),
            new ServiceCategory("PEER_SUPPORT", "Peer support"));

    @Test
    void namesAreVersion5UuidsAsTheRfcComputesThem() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(PublishedTaxonomy.nameUuid(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void publishedIdsNeverChange() {
        assertThat(PublishedTaxonomy.termId(Facet.NEEDS, "ISVA")).isEqualTo("5f5a0b47-7d8c-554d-9b75-37b3988b5021");
        assertThat(Facet.NEEDS.id()).isEqualTo("ba8e92bd-b476-5bc1-980e-fe28fe3bf684");
    }

    @Test
    void everyTermHasAUniqueIdANameAndADefinition() {
        List<Term> terms = PublishedTaxonomy.terms(CATEGORIES);
        assertThat(terms).extracting(Term::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(5));
        assertThat(terms).allSatisfy(t -> {
            assertThat(t.name()).isNotBlank();
            assertThat(t.definition()).isNotBlank();
        });
        assertThat(terms).extracting(Term::facet).contains(Facet.values());
        assertThat(terms).filteredOn(t -> t.facet() == Facet.NEEDS).extracting(Term::code)
                .containsExactly("COUNSELLING", "ISVA", "PEER_SUPPORT");
        assertThat(PublishedTaxonomy.find(CATEGORIES, PublishedTaxonomy.termId(Facet.NEEDS, "PEER_SUPPORT")))
                .hasValueSatisfying(t -> assertThat(t.definition()).isEqualTo("Services offering peer support."));
        assertThat(List.of(Facet.values())).extracting(Facet::id).doesNotHaveDuplicates();
    }

    @Test
    void aServiceCarriesItsNeedsAndItsEligibilitySpelledOut() {
        SupportService service = aService().offering("ISVA").forAges(0, 17).forCrimeTypes(CrimeType.GROOMING)
                .forGenders(Gender.FEMALE).forRiskLevels(RiskLevel.HIGH).arrangingInterpreters().build();
        assertThat(PublishedTaxonomy.termsOf(service)).extracting(t -> t.facet() + ":" + t.code()).containsExactly(
                "NEEDS:ISVA", "CRIME_TYPES:GROOMING", "AGE_GROUPS:CHILDREN", "GENDERS:FEMALE", "RISK_LEVELS:HIGH",
                "DELIVERY:IN_PERSON", "DELIVERY:INTERPRETERS");
    }

    @Test
    void aServiceForAnyoneCarriesEveryTermOfEachEligibilityFacet() {
        List<Term> terms = PublishedTaxonomy.termsOf(aService().build());
        assertThat(terms).filteredOn(t -> t.facet() == Facet.CRIME_TYPES).hasSize(CrimeType.values().length);
        assertThat(terms).filteredOn(t -> t.facet() == Facet.AGE_GROUPS).extracting(Term::code)
                .containsExactly(PublishedTaxonomy.CHILDREN, PublishedTaxonomy.ADULTS);
        assertThat(terms).filteredOn(t -> t.facet() == Facet.GENDERS).hasSize(Gender.values().length);
        assertThat(terms).filteredOn(t -> t.facet() == Facet.DELIVERY).extracting(Term::code).containsExactly("IN_PERSON");
    }
}
