package dev.moments.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The domain module must stay free of compile-scope dependencies: it is plain Java. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DomainModuleDependenciesTest {

    /** Surefire sets {@code basedir} to this module's directory; {@code user.dir} is the same when run from Maven. */
    private static final Path MODULE_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

    @Test
    void the_domain_module_declares_no_dependency_outside_test_scope() throws Exception {
        Path domainPom = MODULE_DIR.resolve("../domain/pom.xml").normalize();

        assertThat(nonTestDependencies(domainPom))
                .as("dependencies of %s without <scope>test</scope>; the domain is plain Java and must not"
                        + " depend on any library or framework at compile or runtime", domainPom)
                .isEmpty();
    }

    @Test
    void the_parent_pom_passes_no_dependency_outside_test_scope_down_to_the_domain() throws Exception {
        Path parentPom = MODULE_DIR.resolve("../pom.xml").normalize();

        assertThat(nonTestDependencies(parentPom))
                .as("dependencies declared in %s (outside <dependencyManagement>) are inherited by the domain"
                        + " module and must therefore be test-scoped", parentPom)
                .isEmpty();
    }

    /**
     * The dependencies declared directly in {@code <project><dependencies>} and in {@code <profiles>}, i.e. those
     * that a build actually uses (as opposed to {@code <dependencyManagement>} or plugin dependencies), whose scope
     * is not {@code test}.
     */
    private static List<String> nonTestDependencies(Path pom) throws Exception {
        assertThat(pom).as("POM to inspect").isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());

        List<Element> dependencyLists = new ArrayList<>();
        Element project = document.getDocumentElement();
        dependencyLists.addAll(children(project, "dependencies"));
        for (Element profiles : children(project, "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                dependencyLists.addAll(children(profile, "dependencies"));
            }
        }

        List<String> offenders = new ArrayList<>();
        for (Element dependencies : dependencyLists) {
            for (Element dependency : children(dependencies, "dependency")) {
                String scope = text(dependency, "scope");
                if (!"test".equals(scope)) {
                    offenders.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId")
                            + " (scope " + (scope.isEmpty() ? "compile, by default" : scope) + ")");
                }
            }
        }
        return offenders;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
