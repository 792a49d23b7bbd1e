package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The committed API description, {@code api/src/main/openapi/waypoint-api.yaml}: the contract the
 * server must serve, from which the build generates the tests' Java client and against which
 * {@link DescriptionCheck} checks every answer.
 */
final class ContractSnapshot {

    /** Set to true to write what the server serves as the new contract instead of comparing. */
    static final String REFRESH = "waypoint.it.refresh-api-description";

    private ContractSnapshot() {
    }

    /**
     * Fails when the served description differs from the committed one in anything but the server's
     * address (which comes from {@code waypoint.public-url}); with {@value #REFRESH}, writes it instead.
     */
    static void compareOrRefresh(String served) throws IOException {
        Path committed = DescriptionCheck.description();
        if (Boolean.getBoolean(REFRESH)) {
            Files.writeString(committed, served);
            return;
        }
        JsonNode expected = withoutServers(Files.readString(committed));
        JsonNode actual = withoutServers(served);
        assertThat(actual).as("""
                The API description the server serves differs from the committed contract %s.
                If the change is intended, refresh the contract, review its diff and commit it:
                  ./mvnw -pl web -am verify -Dit.test=ApiIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -D%s=true
                (then build again: the tests' client is generated from the contract).""".formatted(committed, REFRESH))
                .isEqualTo(expected);
    }

    /** What openapi-generator checks before it generates anything, with its default settings. */
    static void validateAsOpenApiGeneratorDoes(String description) throws IOException {
        Path file = Files.createTempFile("waypoint-api", ".yaml");
        try {
            Files.writeString(file, description);
            // toContext() parses and validates the description, and throws on any error.
            new CodegenConfigurator().setInputSpec(file.toString()).setGeneratorName("java").setLibrary("native")
                    .setOutputDir(file.getParent().resolve("unused").toString()).toContext();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static JsonNode withoutServers(String yaml) throws IOException {
        ObjectNode tree = (ObjectNode) io.swagger.v3.core.util.Yaml.mapper().readTree(yaml);
        tree.remove("servers");
        return tree;
    }
}
