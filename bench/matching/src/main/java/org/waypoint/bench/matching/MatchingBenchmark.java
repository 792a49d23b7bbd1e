package org.waypoint.bench.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.waypoint.core.directory.DirectorySnapshot;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.MatchResult;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.organisation.Organisation;

/**
 * Matching one person against a generated national directory ({@link GeneratedDirectory}) held in
 * memory, as {@code DirectoryService.match} does once its snapshot is taken. SampleTime reports the
 * percentiles; the targets at 50,000 services are p0.95 of at most 10 ms with every excluded service
 * and its reasons, and at most 1 ms without.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class MatchingBenchmark {

    static final String[] CATEGORIES = {"COUNSELLING", "LEGAL_AID", "ISVA", "CHISVA", "IDVA", "THERAPY",
            "ADVOCACY", "HOUSING", "HEALTH", "FINANCIAL", "IMMIGRATION_ADVICE"};
    private static final int CRITERIA = 1024;

    @Param("50000")
    public int services;

    private DirectorySnapshot snapshot;
    private MatchCriteria[] criteria;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        GeneratedDirectory directory = new GeneratedDirectory(42);
        Map<String, ServiceCategory> taxonomy = new LinkedHashMap<>();
        for (String code : CATEGORIES) {
            taxonomy.put(code, new ServiceCategory(code, code));
        }
        List<Organisation> organisations = directory.organisations(Math.max(1, services / 4));
        List<ServiceProfile> profiles = new ArrayList<>(services);
        for (int i = 0; i < services; i++) {
            profiles.add(ServiceProfile.of(directory.service(i, organisations, taxonomy)));
        }
        snapshot = new DirectorySnapshot(profiles);
        criteria = new MatchCriteria[CRITERIA];
        for (int i = 0; i < CRITERIA; i++) {
            criteria[i] = directory.person();
        }
    }

    private MatchCriteria nextCriteria() {
        next = (next + 1) % CRITERIA;
        return criteria[next];
    }

    /** What a caseworker is shown: the matches, ranked. */
    @Benchmark
    public MatchResult matchOnly() {
        return snapshot.match(nextCriteria(), false);
    }

    /** With every excluded service and its reasons as well: the whole directory is looked at. */
    @Benchmark
    public MatchResult matchWithExclusions() {
        return snapshot.match(nextCriteria(), true);
    }
}
