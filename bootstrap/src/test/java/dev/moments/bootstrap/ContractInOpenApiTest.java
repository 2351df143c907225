package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract, {@code docs/api.md}, against the service: every operation it names ({@code METHOD /path}) is either
 * served and described by {@code /q/openapi} with that method, or listed below as not implemented yet. Implementing
 * one of the listed operations, hiding or dropping a served one, or misspelling one in the document fails a test.
 * Path parameters are compared by position only ({@code {id}} and {@code {momentId}} are the same).
 */
@QuarkusTest
class ContractInOpenApiTest {

    /**
     * Named by docs/api.md and not served yet (none: every section is built). When a new section names an operation
     * before it is built, it is listed here, and the header of docs/api.md says the same in words.
     */
    static final Set<String> NOT_IMPLEMENTED_YET = Set.of();

    /** Served, named by the contract, and deliberately not in the OpenAPI document, each with the reason. */
    static final Map<String, String> SERVED_OUTSIDE_THE_DOCUMENT = Map.of(
            "GET /r/{}", "the redemption page is HTML for people; its JSON twin GET /api/redeem/{token} is described");

    /** {@code METHOD /path}, then perhaps a query, then perhaps siblings of the last segment: {@code , `/launch`}. */
    private static final Pattern OPERATION = Pattern.compile(
            "\\b(GET|POST|PUT|PATCH|DELETE) (/[^\\s`?)]*)(?:\\?[^\\s`]*)?`?((?:\\s*,\\s*`/[\\w-]+`)*)");
    private static final Pattern SIBLING = Pattern.compile("`(/[\\w-]+)`");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");

    private Set<String> contract;
    private Set<String> documented;
    private Set<String> served;

    @BeforeEach
    void readTheContractTheDocumentAndTheResources() throws IOException {
        contract = operationsOf(Files.readString(Documentation.file("docs/api.md")));
        documented = documentedOperations();
        served = servedOperations();
    }

    @Test
    void theContractNamesTheOperationsOfEverySection() {
        assertThat(contract).as("operations named by docs/api.md").hasSizeGreaterThan(40)
                .contains("POST /admin/v1/partners", "POST /v1/moments/{}/launch", "POST /v1/moments/{}/finish",
                        "POST /v1/events/batch", "POST /api/redeem/{}/claim", "POST /v1/webhooks", "GET /v1/audit");
    }

    @Test
    void everyImplementedOperationOfTheContractIsDescribedByTheOpenApiDocumentWithItsMethod() {
        Set<String> missing = new TreeSet<>();
        for (String operation : contract) {
            if (!NOT_IMPLEMENTED_YET.contains(operation) && !SERVED_OUTSIDE_THE_DOCUMENT.containsKey(operation)
                    && !documented.contains(operation)) {
                missing.add(operation);
            }
        }
        assertThat(missing).as("operations of docs/api.md missing from /q/openapi (describe them, or list them as"
                + " not implemented yet)").isEmpty();
    }

    @Test
    void everyOperationOfTheContractIsServedOrListedAsNotImplementedYet_neverBoth() {
        Set<String> wrong = new TreeSet<>();
        for (String operation : contract) {
            boolean listed = NOT_IMPLEMENTED_YET.contains(operation);
            if (served.contains(operation) && listed) {
                wrong.add(operation + ": served, yet listed as not implemented (unlist it, describe it in OpenAPI)");
            } else if (!served.contains(operation) && !listed) {
                wrong.add(operation + ": no resource serves it (removed, or misspelt in docs/api.md?)");
            }
        }
        assertThat(wrong).as("operations of docs/api.md").isEmpty();
    }

    @Test
    void theListsOfTheTestNameOnlyOperationsOfTheContract() {
        assertThat(contract).as("docs/api.md").containsAll(NOT_IMPLEMENTED_YET)
                .containsAll(SERVED_OUTSIDE_THE_DOCUMENT.keySet());
    }

    @Test
    void theOperationsServedOutsideTheDocumentAreServedAndHiddenFromIt() {
        for (String operation : SERVED_OUTSIDE_THE_DOCUMENT.keySet()) {
            assertThat(served).as("served").contains(operation);
            assertThat(documented).as("/q/openapi").doesNotContain(operation);
        }
    }

    /** Every {@code METHOD /path} of a Markdown text, parameters written {@code {}}, queries left out. */
    static Set<String> operationsOf(String markdown) {
        Set<String> operations = new LinkedHashSet<>();
        Matcher named = OPERATION.matcher(markdown);
        while (named.find()) {
            String method = named.group(1);
            String path = normalised(named.group(2).replaceAll("[.,:;]+$", ""));
            operations.add(method + " " + path);
            Matcher sibling = SIBLING.matcher(named.group(3));
            while (sibling.find()) {
                operations.add(method + " " + path.substring(0, path.lastIndexOf('/')) + sibling.group(1));
            }
        }
        return operations;
    }

    private static String normalised(String path) {
        String template = PARAMETER.matcher(path).replaceAll("{}").replaceAll("/+", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
    }

    private static Set<String> documentedOperations() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method)) {
                    operations.add(method + " " + normalised(path.getKey()));
                }
            }
        }
        return operations;
    }

    /** What the application's JAX-RS resources answer, read from their annotations. */
    private static Set<String> servedOperations() {
        Set<String> operations = new TreeSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            Path root = resource.getAnnotation(Path.class);
            if (root == null || resource.isInterface()) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(http.value() + " " + normalised("/" + root.value()
                                + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
        }
        return operations;
    }
}
