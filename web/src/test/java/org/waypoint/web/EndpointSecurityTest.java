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
import java.util.List;
import org.waypoint.core.account.Allowed;
import org.waypoint.core.account.Public;

/** Every endpoint says who may call it: {@link Allowed} with its roles, or {@link Public}. Never neither, never both. */
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
            boolean allowed = method.isAnnotatedWith(Allowed.class);
            boolean open = method.isAnnotatedWith(Public.class);
            if (allowed == open) {
                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                        + (allowed ? " is both @Allowed and @Public" : " has neither @Allowed nor @Public")));
            }
        }
    };

    @ArchTest
    static final ArchRule everyEndpointSaysWhoMayCallIt = methods().that(ENDPOINTS).should(SAY_WHO_MAY_CALL);
}
