package org.waypoint.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.Arrays;
import java.util.List;
import org.waypoint.core.account.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every endpoint says who may call it: {@link RolesAllowed} with its roles, or {@link PermitAll}. Never neither,
 * never both, and never on the class alone (where a method's own reading could miss it).
 */
@AnalyzeClasses(packages = "org.waypoint", importOptions = ImportOption.DoNotIncludeTests.class)
class EndpointSecurityTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    private static final DescribedPredicate<JavaMethod> ENDPOINTS = new DescribedPredicate<>("are HTTP endpoints") {
        @Override
        public boolean test(JavaMethod method) {
            return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
        }
    };

    private static final ArchCondition<JavaMethod> SAY_WHO_MAY_CALL = new ArchCondition<>("say who may call them") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            boolean allowed = method.isAnnotatedWith(RolesAllowed.class);
            boolean open = method.isAnnotatedWith(PermitAll.class);
            if (allowed == open) {
                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                        + (allowed ? " is both @RolesAllowed and @PermitAll" : " has neither @RolesAllowed nor @PermitAll")));
            } else if (allowed) {
                for (String role : method.getAnnotationOfType(RolesAllowed.class).value()) {
                    if (Arrays.stream(Role.values()).noneMatch(known -> known.name().equals(role))) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " allows " + role
                                + ", which is no role: it would refuse everyone"));
                    }
                }
            }
        }
    };

    @ArchTest
    static final ArchRule everyEndpointSaysWhoMayCallIt = methods().that(ENDPOINTS).should(SAY_WHO_MAY_CALL);
}
