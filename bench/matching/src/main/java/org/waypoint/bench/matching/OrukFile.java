package org.waypoint.bench.matching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.waypoint.core.directory.PublishedTaxonomy;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.LanguageCode;

/**
 * Writes the benchmark's generated national directory (the same as matching's, {@link GeneratedDirectory})
 * as one Open Referral UK page of services, for {@code bench/import.sh}:
 * {@code java … OrukFile <file> <services>}. Each service carries Waypoint's published term ids, as
 * Waypoint's own export does, so every one imports.
 */
public final class OrukFile {

    private OrukFile() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        GeneratedDirectory directory = new GeneratedDirectory(42);
        Map<String, ServiceCategory> taxonomy = new LinkedHashMap<>();
        for (String code : MatchingBenchmark.CATEGORIES) {
            taxonomy.put(code, new ServiceCategory(code, code));
        }
        List<Organisation> organisations = directory.organisations(Math.max(1, count / 4));
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("{\"total_items\":" + count + ",\"total_pages\":1,\"page_number\":1,\"contents\":[");
            for (int i = 0; i < count; i++) {
                SupportService service = directory.service(i, organisations, taxonomy);
                out.write(i == 0 ? "\n" : ",\n");
                write(out, service, UUID.nameUUIDFromBytes(("bench-service-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            }
            out.write("]}\n");
        }
    }

    private static void write(Writer out, SupportService service, String id) throws IOException {
        Organisation organisation = service.organisation();
        StringBuilder json = new StringBuilder(1024);
        json.append("{\"id\":\"").append(id).append("\",\"name\":\"").append(service.name())
                .append("\",\"description\":\"").append(service.description()).append("\",\"status\":\"active\"")
                .append(",\"organization\":{\"id\":\"").append(organisation.id()).append("\",\"name\":\"")
                .append(organisation.name()).append("\",\"description\":\"A generated organisation.\"}");
        service.eligibility().ages().minAge().ifPresent(min -> json.append(",\"minimum_age\":").append(min));
        service.eligibility().ages().maxAge().ifPresent(max -> json.append(",\"maximum_age\":").append(max));
        json.append(",\"attributes\":[");
        String separator = "";
        for (PublishedTaxonomy.Term term : PublishedTaxonomy.termsOf(service)) {
            json.append(separator).append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"taxonomy_term_id\":\"")
                    .append(term.id()).append("\"}");
            separator = ",";
        }
        json.append("],\"service_areas\":[");
        separator = "";
        for (String prefix : service.postcodePrefixes()) {
            json.append(separator).append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"name\":\"").append(prefix)
                    .append("\",\"extent_type\":\"postcode_").append(prefix.matches(".*[0-9].*") ? "district" : "area")
                    .append("\",\"extent\":\"").append(prefix).append("\"}");
            separator = ",";
        }
        json.append("],\"languages\":[");
        separator = "";
        for (LanguageCode language : service.languages()) {
            json.append(separator).append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"code\":\"")
                    .append(language.value()).append("\"}");
            separator = ",";
        }
        json.append("]}");
        out.write(json.toString());
    }
}
