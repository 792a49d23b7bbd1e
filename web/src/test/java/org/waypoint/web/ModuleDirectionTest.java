package org.waypoint.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' dependencies point one way: api and notifications use core; web uses all three;
 * core uses none of them. A rule matching no classes fails too, so a renamed package cannot make
 * these pass by accident.
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
}
