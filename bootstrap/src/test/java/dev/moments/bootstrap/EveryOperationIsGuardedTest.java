package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation the service serves — each one of {@code /q/openapi} and each JAX-RS resource method the
 * document hides — and holds it to the security rule: an operation is either in the short {@link #PUBLIC} list below,
 * or it answers a request without credentials with the contract's 401 problem and admits exactly one role. A new
 * operation therefore fails this test until it carries {@code @RolesAllowed} (an unannotated one is denied to every
 * credential) or is added here, deliberately, as public.
 */
@QuarkusTest
class EveryOperationIsGuardedTest {

    /**
     * The operations anyone may call. The redemption API and page: the token in the path is the credential. The
     * page's assets. The provider's callback: its signature is the credential, checked by the callback itself. The
     * partner console: its session cookie is the credential.
     */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/redeem/{token}",
            "POST /api/redeem/{token}/claim",
            "GET /r/{token}",
            "POST /r/{token}",
            "GET /r/{token}/done",
            "GET /r/{token}/status",
            "GET /r-assets/{name}",
            "POST /callbacks/providers/http",
            // The partner console: its own session cookie is the credential, checked by every page (a page without
            // it redirects to the sign-in, a post answers 401 or 403); ConsoleSecurityTest holds it to that.
            "GET /console",
            "GET /console/sign-in",
            "POST /console/sign-in",
            "POST /console/sign-out",
            "GET /console/moments",
            "POST /console/moments",
            "GET /console/moments/new",
            "GET /console/moments/{id}",
            "GET /console/moments/{id}/edit",
            "POST /console/moments/{id}/edit",
            "POST /console/moments/{id}/status",
            "POST /console/moments/{id}/top-up",
            "GET /console/moments/{id}/ledger",
            "GET /console/awards",
            "GET /console/engagement",
            "GET /console/reviews",
            "POST /console/reviews/{id}/approve",
            "POST /console/reviews/{id}/reject",
            "GET /console/blocklist",
            "POST /console/blocklist",
            "POST /console/blocklist/{id}/remove",
            "POST /console/blocklist/{id}/cancel-awards",
            "GET /console/webhooks",
            "GET /console/webhooks/{id}",
            "GET /console/assets/{name}");

    /** The callback secret of the test profile ({@code moments.providers.http.callback-secret}). */
    private static final String CALLBACK_SECRET = "whsec_test";

    /** Operations by "METHOD /template", with the media type of their body, if they take one. */
    private Map<String, String> operations;
    /** The roles the OpenAPI document asks of each operation it shows (none: public). */
    private Map<String, List<String>> documentedRoles;

    @BeforeEach
    void readTheOperations() {
        operations = new TreeMap<>();
        documentedRoles = new TreeMap<>();
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((template, methods) -> methods.forEach((method, operation) -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.put(method.toUpperCase() + " " + template, bodyType(operation));
                documentedRoles.put(method.toUpperCase() + " " + template, roles(operation));
            }
        }));
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path resource = bean.getBeanClass().getAnnotation(Path.class);
            if (resource == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    operations.putIfAbsent(http + " " + join(resource.value(), sub == null ? "" : sub.value()),
                            "application/json");
                }
            }
        }
    }

    @Test
    void everyOperationButThePublicOnesAnswersARequestWithoutCredentialsWith401() {
        assertThat(operations).as("operations found").hasSizeGreaterThan(30).containsKeys(PUBLIC.toArray(String[]::new));
        List<String> breaches = new ArrayList<>();
        operations.forEach((operation, bodyType) -> {
            Response answer = send(operation, bodyType, given());
            boolean bearerChallenge = "Bearer".equals(answer.header("WWW-Authenticate"));
            if (PUBLIC.contains(operation)) {
                if (bearerChallenge) {
                    breaches.add(operation + " is public but asked for a bearer credential: " + answer.statusCode());
                }
            } else if (answer.statusCode() != 401 || !bearerChallenge
                    || !answer.contentType().startsWith("application/problem+json")
                    || !"/problems/unauthorized".equals(answer.jsonPath().getString("type"))) {
                breaches.add(operation + " answered " + answer.statusCode() + " " + answer.contentType()
                        + " without credentials, not the 401 problem with WWW-Authenticate: Bearer");
            }
        });
        assertThat(breaches).as("operations open without credentials; annotate them @RolesAllowed, or add them to"
                + " PUBLIC if anyone may call them").isEmpty();
    }

    @Test
    void everyGuardedOperationAdmitsExactlyOneRole_thePartnerOnV1AndTheOperatorOnAdmin() {
        Api partner = Api.newPartner();
        List<String> breaches = new ArrayList<>();
        operations.forEach((operation, bodyType) -> {
            if (PUBLIC.contains(operation)) {
                return;
            }
            boolean admin = operation.contains(" /admin/");
            int withKey = send(operation, bodyType, given().auth().oauth2(partner.apiKey)).statusCode();
            int withToken = send(operation, bodyType, given().auth().oauth2(Api.ADMIN_TOKEN)).statusCode();
            if ((withKey == 401) == !admin || (withToken == 401) == admin) {
                breaches.add(operation + " answered " + withKey + " to a partner key and " + withToken
                        + " to the admin token; expected the " + (admin ? "admin token" : "partner key")
                        + " alone to be let through");
            }
        });
        assertThat(breaches).as("operations no credential or the wrong one can use: an operation without"
                + " @RolesAllowed or @PermitAll is denied to everyone").isEmpty();
    }

    @Test
    void theDocumentAsksEveryGuardedOperationForItsRoleAndDeclaresItsAnswer401() {
        List<String> breaches = new ArrayList<>();
        documentedRoles.forEach((operation, roles) -> {
            List<String> expected = PUBLIC.contains(operation) ? List.of()
                    : List.of(operation.contains(" /admin/") ? "admin" : "partner");
            if (!roles.equals(expected)) {
                breaches.add(operation + " is documented with the roles " + roles + ", not " + expected);
            }
        });
        assertThat(breaches).isEmpty();
    }

    @Test
    void theProviderCallbackAsksForItsSignatureNotForABearerCredential() throws Exception {
        String body = "{\"orderId\":\"ord_walk\",\"externalId\":\"awd_walk_unknown\",\"status\":\"FULFILLED\"}";
        long now = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "t=" + now + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((now + "." + body).getBytes(StandardCharsets.UTF_8)));

        given().contentType(ContentType.JSON).header("Moments-Provider-Signature", signature).body(body)
                .post("/callbacks/providers/http").then().statusCode(404);
        Response unsigned = given().contentType(ContentType.JSON).body(body).post("/callbacks/providers/http");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.header("WWW-Authenticate")).isNull();
        assertThat(unsigned.jsonPath().getString("detail")).contains("Moments-Provider-Signature");
    }

    private static Response send(String operation, String bodyType, RequestSpecification request) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{([^}/:]+)[^}]*}", "walk-$1");
        if (bodyType != null && !method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType(bodyType)
                    .body((bodyType.contains("json") ? "{}" : "").getBytes(StandardCharsets.UTF_8));
        }
        return request.redirects().follow(false).request(method, path);
    }

    /** The scopes of the operation's security requirements: the roles it needs. */
    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> operation) {
        List<String> roles = new ArrayList<>();
        if (operation.get("security") instanceof List<?> requirements) {
            for (Object requirement : requirements) {
                ((Map<String, List<String>>) requirement).values().forEach(roles::addAll);
            }
        }
        return roles;
    }

    /** The first media type of the operation's request body, or {@code null} when it takes none. */
    @SuppressWarnings("unchecked")
    private static String bodyType(Map<String, Object> operation) {
        Object requestBody = operation.get("requestBody");
        if (!(requestBody instanceof Map<?, ?> body) || !(body.get("content") instanceof Map<?, ?> content)
                || content.isEmpty()) {
            return null;
        }
        return ((Map<String, Object>) content).keySet().iterator().next();
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String resource, String sub) {
        String path = ("/" + resource + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
