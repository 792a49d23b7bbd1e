package org.waypoint.web.oruk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.PublishedTaxonomy;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.LanguageCode;

/** Waypoint's services written as the profile's documents: valid against its schemas, and nothing private in them. */
class OrukDocumentsTest {

    private static final Organisation HARBOUR = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
    private static final ServiceCategory ISVA = new ServiceCategory("ISVA", "Independent sexual violence adviser (ISVA)");
    private static final String INBOX = "isva-referrals@harbour.example.org";
    private static final String NOTE = "Assessment calls on Tuesdays.";

    private static SupportService isva() {
        SupportService service = new SupportService(HARBOUR, "Northshire ISVA", "Advisers for adults after rape.",
                List.of(ISVA), List.of("M14", "SK"), new EmailAddress(INBOX));
        service.eligibility(Eligibility.ANYONE.withAges(AgeRange.between(16, 99)).withCrimeTypes(List.of(CrimeType.RAPE)));
        service.languages(List.of(LanguageCode.ENGLISH, new LanguageCode("ur")), true);
        service.locatedAt("Willow House, 40 Mill Lane, Northshire M14 5RT");
        service.waitingList(3);
        service.capacityNote(NOTE);
        return service;
    }

    private static JsonNode tree(JsonObject document) {
        return OrukProfile.parse(document.toString());
    }

    @Test
    void aServiceInFullIsTheProfilesServiceAndHoldsNothingPrivate() {
        SupportService service = isva();
        JsonNode full = tree(OrukDocuments.service(service, PublishedTaxonomy.termsOf(service), service.openingTimes()));

        assertThat(OrukProfile.validate(OrukProfile.schema("schema/compiled/service.json"), full)).isEmpty();
        assertThat(full.toString()).doesNotContain(INBOX, NOTE, "@");
        assertThat(full.get("status").asText()).isEqualTo("active");
        assertThat(full.get("alert").asText()).contains("3 weeks");
        assertThat(full.get("minimum_age").asInt()).isEqualTo(16);
        assertThat(full.get("maximum_age").asInt()).isEqualTo(99);
        assertThat(full.at("/service_areas/0/name").asText()).isEqualTo("M14");
        assertThat(full.at("/service_areas/0/service_area").asText()).isEqualTo("Postcode district M14");
        assertThat(full.at("/service_areas/1/service_area").asText()).isEqualTo("Postcode area SK");
        assertThat(full.at("/languages/1/name").asText()).isEqualTo("Urdu");
        JsonNode address = full.at("/service_at_locations/0/location/addresses/0");
        assertThat(address.get("address_1").asText()).isEqualTo("Willow House, 40 Mill Lane");
        assertThat(address.get("city").asText()).isEqualTo("Northshire");
        assertThat(address.get("postal_code").asText()).isEqualTo("M14 5RT");
        assertThat(full.get("attributes")).extracting(a -> a.at("/taxonomy_term/name").asText())
                .contains("Independent sexual violence adviser (ISVA)", "Rape", "Children and young people", "Adults",
                        "Interpreters arranged");
        assertThat(full.toString()).as("the same ids on every read")
                .isEqualTo(tree(OrukDocuments.service(service, PublishedTaxonomy.termsOf(service), service.openingTimes())).toString());
    }

    @Test
    void theListsAndTheServiceAtItsLocationAreTheProfilesToo() {
        SupportService service = isva();
        JsonObject summary = OrukDocuments.serviceSummary(service);
        assertThat(OrukProfile.validate(OrukProfile.answerOf("/services"), tree(OrukDocuments.page(List.of(summary), 1, 1, 10))))
                .isEmpty();
        JsonObject atLocation = OrukDocuments.serviceAtLocation(service, false, List.of());
        assertThat(OrukProfile.validate(OrukProfile.answerOf("/service_at_locations"),
                tree(OrukDocuments.page(List.of(atLocation), 1, 1, 10)))).isEmpty();
        JsonNode fullAtLocation = tree(OrukDocuments.serviceAtLocation(service, true, PublishedTaxonomy.termsOf(service)));
        assertThat(OrukProfile.validate(OrukProfile.answerOf("/service_at_locations/{id}"), fullAtLocation)).isEmpty();
        assertThat(fullAtLocation.get("id").asText()).isEqualTo(OrukDocuments.serviceAtLocationId(service));
        assertThat(fullAtLocation.toString()).doesNotContain(INBOX, NOTE);
    }

    @Test
    void aConfidentialLocationHasNoAddressAnywhere() {
        SupportService refuge = isva();
        refuge.atConfidentialLocation();
        refuge.close();
        JsonNode full = tree(OrukDocuments.service(refuge, PublishedTaxonomy.termsOf(refuge), refuge.openingTimes()));
        assertThat(OrukProfile.validate(OrukProfile.schema("schema/compiled/service.json"), full)).isEmpty();
        assertThat(full.get("service_at_locations")).isEmpty();
        assertThat(full.toString()).doesNotContain("Mill Lane");
        assertThat(full.get("status").asText()).isEqualTo("temporarily closed");
        assertThat(OrukDocuments.hasPublicLocation(refuge)).isFalse();
    }

    @Test
    void theTaxonomyIsTheProfilesTaxonomy() {
        List<PublishedTaxonomy.Term> terms = PublishedTaxonomy.terms(List.of(ISVA));
        for (PublishedTaxonomy.Term term : terms) {
            assertThat(OrukProfile.validate(OrukProfile.answerOf("/taxonomy_terms/{id}"), tree(OrukDocuments.term(term)))).isEmpty();
        }
        for (PublishedTaxonomy.Facet facet : PublishedTaxonomy.Facet.values()) {
            assertThat(OrukProfile.validate(OrukProfile.answerOf("/taxonomies/{id}"), tree(OrukDocuments.taxonomy(facet)))).isEmpty();
        }
        assertThat(OrukProfile.validate(OrukProfile.answerOf("/taxonomy_terms"), tree(OrukDocuments.page(
                terms.stream().map(OrukDocuments::term).toList(), terms.size(), 1, terms.size())))).isEmpty();
        assertThat(OrukProfile.validate(OrukProfile.answerOf("/"), tree(OrukDocuments.metadata()))).isEmpty();
    }

    @Test
    void aValidatorThatFindsNothingWrongWouldProveNothing() {
        JsonNode broken = OrukProfile.parse("{\"id\": \"not-a-uuid\", \"name\": \"x\", \"status\": \"open\"}");
        assertThat(OrukProfile.validate(OrukProfile.schema("schema/compiled/service.json"), broken)).hasSize(2);
    }

    @Test
    void anAddressTypedAsOneLineIsSplitAsTheProfileAsks() {
        assertThat(OrukDocuments.Address.parse("2 Harbour Row, Northshire (demo)"))
                .isEqualTo(new OrukDocuments.Address("2 Harbour Row", "Northshire (demo)", ""));
        assertThat(OrukDocuments.Address.parse("Flat 1, 2 Quay St, Leeds, ls1 4ap"))
                .isEqualTo(new OrukDocuments.Address("Flat 1, 2 Quay St", "Leeds", "LS1 4AP"));
        assertThat(OrukDocuments.Address.parse("The Old School")).isEqualTo(new OrukDocuments.Address("The Old School", "", ""));
    }
}
