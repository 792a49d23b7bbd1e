package org.waypoint.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The modules' dependencies point one way: api and notifications use core; web uses all three;
 * core uses none of them, nor HTTP, mail or pages; notifications answers no HTTP request; records
 * that carry personal data keep it out of {@code toString()}. A rule matching no classes fails too,
 * so a renamed package cannot make these pass by accident.
 */
@AnalyzeClasses(packages = "org.waypoint", importOptions = ModuleDirectionTest.NoTestCode.class)
class ModuleDirectionTest {

    /**
     * The modules' own code only: not test classes, whether compiled here or reached through core's
     * test jar (web's tests use core's database harness), which a full build puts on the class path
     * as a jar that {@link ImportOption.DoNotIncludeTests} does not recognise.
     */
    static final class NoTestCode implements ImportOption {

        private final ImportOption tests = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return tests.includes(location) && !location.contains("-tests.jar");
        }
    }

    /**
     * Every random value (session and token secrets, reset links, recovery codes, webhook secrets) comes
     * from {@code SecureRandom}: no predictable generator anywhere in the modules' code (ASVS V11.5.1).
     */
    @ArchTest
    static final ArchRule randomValuesComeOnlyFromACryptographicGenerator = noClasses()
            .that().resideInAPackage("org.waypoint..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
            .orShould().callMethod(Math.class, "random");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("org.waypoint.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.waypoint.api..", "org.waypoint.notifications..", "org.waypoint.web..");

    @ArchTest
    static final ArchRule apiDependsOnlyOnCore = noClasses()
            .that().resideInAPackage("org.waypoint.api..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.waypoint.notifications..", "org.waypoint.web..");

    @ArchTest
    static final ArchRule notificationsDependOnlyOnCore = noClasses()
            .that().resideInAPackage("org.waypoint.notifications..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.waypoint.api..", "org.waypoint.web..");

    /** Technology stays at the edge: the model and its use cases never reach into a persistence package. */
    @ArchTest
    static final ArchRule theDomainDoesNotDependOnItsPersistence = noClasses()
            .that().resideInAPackage("org.waypoint.core..")
            .and().resideOutsideOfPackage("..persistence..")
            .should().dependOnClassesThat().resideInAPackage("org.waypoint.core..persistence..");

    /** The domain knows nothing of HTTP, mail or pages: those live in api, notifications and web. */
    @ArchTest
    static final ArchRule coreKnowsNoHttpMailOrPages = noClasses()
            .that().resideInAPackage("org.waypoint.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..", "jakarta.faces..", "jakarta.mail..");

    /**
     * Notifications delivers e-mail and webhooks; it answers no HTTP request. The API's resources over
     * the outbox and webhooks live in web ({@code org.waypoint.web.api}), which assembles both.
     */
    @ArchTest
    static final ArchRule notificationsKnowNoHttpResourcesOrPages = noClasses()
            .that().resideInAPackage("org.waypoint.notifications..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "jakarta.faces..");

    /** HTTP idempotency (what a repeated request gets back) is the API's: core keeps only the records. */
    @ArchTest
    static final ArchRule httpIdempotencyLivesInTheApi = classes()
            .that().haveSimpleName("StoredResponse").or().haveSimpleName("IdempotencyFilter")
            .should().resideInAPackage("org.waypoint.api..");

    /**
     * Records that carry what a person wrote or is (names, dates of birth, contact details, free
     * texts, secrets) say nothing of it in {@code toString()}, so a log line or an exception message
     * that prints one leaks nothing. Records of these packages whose texts are only identifiers and
     * references are named here, each for that reason.
     */
    @ArchTest
    static final ArchRule recordsThatCarryPersonalDataHideItFromToString = classes()
            .that(recordsWithText()).and().resideInAnyPackage(
                    "org.waypoint.core.client..", "org.waypoint.core.referral..", "org.waypoint.core.account..",
                    "org.waypoint.core.subjectaccess..", "org.waypoint.core.retention..")
            .and().doNotHaveFullyQualifiedName("org.waypoint.core.referral.ReferralEvents$Submitted")
            .and().doNotHaveFullyQualifiedName("org.waypoint.core.referral.ReferralEvents$StatusChanged")
            .and().doNotHaveFullyQualifiedName("org.waypoint.core.referral.ReferralEvents$MessagePosted")
            .and().doNotHaveFullyQualifiedName("org.waypoint.core.referral.ReferralEvents$ConsentWithdrawn")
            .should(declareToString());

    private static final Set<Class<?>> TEXT = Set.of(String.class, Optional.class, LocalDate.class);

    private static DescribedPredicate<JavaClass> recordsWithText() {
        return DescribedPredicate.describe("are records with a text, date or optional component", javaClass -> {
            Class<?> type = javaClass.reflect();
            return type.isRecord() && Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).anyMatch(TEXT::contains);
        });
    }

    /**
     * A record's own {@code toString()}: javac writes the one it makes for a record that declares
     * none as {@code final}, so a written one is the one that is not.
     */
    private static ArchCondition<JavaClass> declareToString() {
        return new ArchCondition<>("declare toString()") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean declared = javaClass.getMethods().stream()
                        .anyMatch(method -> method.getName().equals("toString") && method.getRawParameterTypes().isEmpty()
                                && !method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL));
                events.add(new SimpleConditionEvent(javaClass, declared, javaClass.getName()
                        + (declared ? " declares" : " does not declare") + " toString()"));
            }
        };
    }
}
