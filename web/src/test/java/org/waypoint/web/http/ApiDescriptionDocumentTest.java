package org.waypoint.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiDescriptionDocumentTest {

    @Test
    void yamlUnlessJsonIsAskedForAndNothingWhenNeitherIsAcceptable() {
        assertThat(ApiDescriptionDocument.format(null, null)).contains(ApiDescriptionDocument.YAML);
        assertThat(ApiDescriptionDocument.format(null, "*/*")).contains(ApiDescriptionDocument.YAML);
        assertThat(ApiDescriptionDocument.format(null, "application/json")).contains(ApiDescriptionDocument.JSON);
        assertThat(ApiDescriptionDocument.format(null, "text/yaml;q=0.4, application/json;q=0.9"))
                .contains(ApiDescriptionDocument.JSON);
        assertThat(ApiDescriptionDocument.format(null, "text/html")).isEmpty();
        assertThat(ApiDescriptionDocument.format(null, "application/json;q=0")).isEmpty();
        assertThat(ApiDescriptionDocument.format("json", "text/html")).contains(ApiDescriptionDocument.JSON);
        assertThat(ApiDescriptionDocument.format("YAML", null)).contains(ApiDescriptionDocument.YAML);
        assertThat(ApiDescriptionDocument.format("xml", null)).isEqualTo(Optional.empty());
    }

    @Test
    void theYamlWrittenReadsBackAsTheSameDocument() throws Exception {
        JsonObject document = Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("paths", Json.createObjectBuilder().add("/v1/referrals/{id}", Json.createObjectBuilder()
                        .add("get", Json.createObjectBuilder()
                                .add("summary", "Read: a referral # not a comment\nsecond line \"quoted\"")
                                .add("parameters", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("name", "id").add("required", true))
                                        .add(Json.createObjectBuilder().add("$ref", "#/components/parameters/X")))
                                .add("security", Json.createArrayBuilder())
                                .add("responses", Json.createObjectBuilder().add("200", Json.createObjectBuilder()
                                        .add("description", "yes").add("example", Json.createObjectBuilder())
                                        .add("count", 3).add("ratio", 1.5).add("none", Json.createValue("null"))
                                        .add("nothing", jakarta.json.JsonValue.NULL))))))
                .add("on", Json.createArrayBuilder().add("true").add(true).add(Json.createArrayBuilder().add(1)))
                .build();

        String yaml = ApiDescriptionDocument.Yaml.write(document);

        JsonNode read = io.swagger.v3.core.util.Yaml.mapper().readTree(yaml);
        JsonNode expected = io.swagger.v3.core.util.Json.mapper().readTree(document.toString());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void anOperationThatNamesNoSecurityIsDeclaredOpenAndOthersAreLeftAlone() {
        JsonObject document = Json.createObjectBuilder().add("paths", Json.createObjectBuilder()
                .add("/open", Json.createObjectBuilder().add("get", Json.createObjectBuilder().add("summary", "open")))
                .add("/closed", Json.createObjectBuilder().add("parameters", Json.createArrayBuilder())
                        .add("post", Json.createObjectBuilder().add("security", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("bearer", Json.createArrayBuilder()))))))
                .build();

        JsonObject declared = ApiDescriptionDocument.declarePublic(document);

        assertThat(declared.getJsonObject("paths").getJsonObject("/open").getJsonObject("get").getJsonArray("security")).isEmpty();
        assertThat(declared.getJsonObject("paths").getJsonObject("/closed"))
                .isEqualTo(document.getJsonObject("paths").getJsonObject("/closed"));
    }
}
