package dev.moments.adapter.rest.security;

import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The annotations of the JAX-RS operation a request was matched to, read once here for the security filters and
 * mappers: Quarkus registers resource classes and their methods for reflection, so this also holds in a native image.
 */
final class ServedOperation {

    private ServedOperation() {
    }

    /** The annotation on the operation's method, or else on its resource class; empty if neither has it. */
    static <A extends Annotation> Optional<A> annotation(SimpleResourceInfo operation, Class<A> type) {
        return onMethod(operation, type).or(() -> onClass(operation, type));
    }

    /**
     * The operation's path template: its class's {@code @Path} and its method's, joined, without a trailing slash
     * (e.g. {@code /v1/moments/{id}/awards}); empty when the operation is unknown or has no {@code @Path}.
     */
    static Optional<String> template(SimpleResourceInfo operation) {
        return onClass(operation, Path.class).map(root -> join(root.value(),
                onMethod(operation, Path.class).map(Path::value).orElse("")));
    }

    private static <A extends Annotation> Optional<A> onMethod(SimpleResourceInfo operation, Class<A> type) {
        if (operation == null || operation.getResourceClass() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(operation.getResourceClass()
                    .getMethod(operation.getMethodName(), operation.parameterTypes()).getAnnotation(type));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static <A extends Annotation> Optional<A> onClass(SimpleResourceInfo operation, Class<A> type) {
        return operation == null || operation.getResourceClass() == null ? Optional.empty()
                : Optional.ofNullable(operation.getResourceClass().getAnnotation(type));
    }

    private static String join(String root, String path) {
        String joined = ("/" + root + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
