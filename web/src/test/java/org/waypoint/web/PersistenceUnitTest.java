package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The one persistence unit is assembled where the WAR is: web's {@code persistence.xml} names one
 * mapping file per module, and each module's file, in its own jar, lists exactly its own entities,
 * embeddables and converters. So a module never names another's class, not even in XML, and an
 * entity added to a module without its line would fail here rather than in the running server.
 */
class PersistenceUnitTest {

    @Test
    void theApplicationsUnitIsWebsAndNamesNoClassOnlyEachModulesMappingFile() throws Exception {
        Document unit = parse(resource("META-INF/persistence.xml", "web"));

        assertThat(texts(unit, "class")).isEmpty();
        assertThat(texts(unit, "mapping-file")).containsExactly("META-INF/orm-core.xml", "META-INF/orm-notifications.xml");
        assertThat(texts(unit, "exclude-unlisted-classes")).containsExactly("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "notifications"})
    void eachModulesMappingFileListsExactlyItsOwnMappedClasses(String module) throws Exception {
        Document mappings = parse(resource("META-INF/orm-" + module + ".xml", module));
        Set<String> listed = new TreeSet<>();
        for (String element : List.of("entity", "embeddable", "converter", "mapped-superclass")) {
            listed.addAll(attributes(mappings, element, "class"));
        }

        Set<String> mapped = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().importPackages("org.waypoint." + module)) {
            boolean test = type.getSource().map(source -> source.getUri().toString().contains("test-classes")
                    || source.getUri().toString().contains("-tests.jar")).orElse(false);
            if (!test && (type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(Embeddable.class)
                    || type.isAnnotatedWith(Converter.class) || type.isAnnotatedWith(MappedSuperclass.class))) {
                mapped.add(type.getName());
            }
        }

        assertThat(mapped).isNotEmpty();
        assertThat(listed).allMatch(name -> name.startsWith("org.waypoint." + module + "."),
                "a class of " + module + " itself");
        assertThat(listed).isEqualTo(mapped);
    }

    /** A converter listed in a mapping file takes its auto-apply from there, not from its annotation. */
    @ParameterizedTest
    @ValueSource(strings = {"core", "notifications"})
    void eachListedConverterAutoAppliesAsItsAnnotationSays(String module) throws Exception {
        Document mappings = parse(resource("META-INF/orm-" + module + ".xml", module));
        NodeList converters = mappings.getElementsByTagNameNS("*", "converter");
        for (int i = 0; i < converters.getLength(); i++) {
            Element converter = (Element) converters.item(i);
            Class<?> type = Class.forName(converter.getAttribute("class"));
            assertThat(Boolean.parseBoolean(converter.getAttribute("auto-apply")))
                    .as(type.getName()).isEqualTo(type.getAnnotation(Converter.class).autoApply());
        }
    }

    /** The one copy of {@code name} whose address has {@code module} in it: the module's own, built or packed. */
    private static URL resource(String name, String module) throws Exception {
        List<URL> found = new ArrayList<>();
        for (URL url : Collections.list(PersistenceUnitTest.class.getClassLoader().getResources(name))) {
            String address = url.toString();
            if (!address.contains("test-classes") && !address.contains("-tests.jar")
                    && (address.contains("/" + module + "/") || address.contains("waypoint-" + module + "-"))) {
                found.add(url);
            }
        }
        assertThat(found).as(name + " of " + module).hasSize(1);
        return found.get(0);
    }

    private static Document parse(URL url) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = url.openStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static List<String> attributes(Document document, String element, String attribute) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }
}
