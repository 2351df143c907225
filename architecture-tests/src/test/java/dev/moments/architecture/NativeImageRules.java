package dev.moments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a native image (GraalVM, {@code ./mvnw package -Dnative}) needs of the code, checked without GraalVM: nothing
 * random or time-dependent is computed while a class is initialized (a native build may initialize classes while it
 * builds, and would freeze a seed or a start time into the image), and no reflection is used beyond what Quarkus
 * registers for it, except in the classes listed here with the reason they are safe or what they need. See
 * docs/architecture.md, "A native build".
 */
public final class NativeImageRules {

    /** Who makes randomness or reads a clock: constructors by class, methods by class and name. */
    private static final Set<String> RANDOM_CONSTRUCTORS = Set.of("java.security.SecureRandom", "java.util.Random",
            "java.util.SplittableRandom");
    private static final Map<String, Set<String>> RANDOM_OR_CLOCK_METHODS = Map.of(
            "java.lang.System", Set.of("currentTimeMillis", "nanoTime"),
            "java.lang.Math", Set.of("random"),
            "java.util.UUID", Set.of("randomUUID"),
            "java.util.concurrent.ThreadLocalRandom", Set.of("current"),
            "java.security.SecureRandom", Set.of("getInstance", "getInstanceStrong"),
            "java.time.Instant", Set.of("now"),
            "java.time.LocalDate", Set.of("now"),
            "java.time.LocalDateTime", Set.of("now"),
            "java.time.OffsetDateTime", Set.of("now"),
            "java.time.ZonedDateTime", Set.of("now"));
    private static final Set<String> CLOCK_CLASSES = Set.of("java.time.Clock");

    /**
     * Classes allowed to reflect, relative to the base package, with why. Quarkus registers for reflection what it
     * knows (resource classes and their methods, the types of resource signatures and their fields, beans); anything
     * else reflected on must be registered or listed here.
     */
    static final Map<String, String> REFLECTION_ALLOWED = Map.of(
            "adapter.rest.security.ServedOperation",
            "reads the annotations (@RolesAllowed, @Path) of the JAX-RS resource class and method being served, which"
                    + " Quarkus registers for reflection");

    private NativeImageRules() {
    }

    /** Native rule 1. */
    public static ArchRule noStaticInitializerReadsAClockOrMakesRandomness(String base) {
        return classes().that().resideInAPackage(base + "..")
                .should(initializeWithoutClocksOrRandomness())
                .because("a native image may run static initializers while it is built: a seed or a time computed"
                        + " there would be the same in every process started from the image");
    }

    /** Native rule 2. */
    public static ArchRule noReflectionBeyondWhatIsRegistered(String base) {
        Set<String> allowed = REFLECTION_ALLOWED.keySet().stream().map(name -> base + "." + name)
                .collect(Collectors.toSet());
        return classes().that().resideInAPackage(base + "..")
                .should(useNoReflection(allowed))
                .because("a native image only keeps the reflective access it was told of: a class, method or field"
                        + " looked up by name at run time that nobody registered is simply not there");
    }

    private static ArchCondition<JavaClass> initializeWithoutClocksOrRandomness() {
        return new ArchCondition<>("compute nothing random or time-dependent in a static initializer") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<JavaStaticInitializer> initializer = javaClass.getStaticInitializer();
                if (initializer.isEmpty()) {
                    return;
                }
                for (JavaAccess<?> access : initializer.get().getAccessesFromSelf()) {
                    AccessTarget target = access.getTarget();
                    String owner = target.getOwner().getName();
                    boolean random = target.getName().equals("<init>") && RANDOM_CONSTRUCTORS.contains(owner);
                    boolean clockOrRandom = RANDOM_OR_CLOCK_METHODS.getOrDefault(owner, Set.of())
                            .contains(target.getName()) || CLOCK_CLASSES.contains(owner);
                    if (random || clockOrRandom) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " calls " + owner + "." + target.getName() + " while it is initialized ("
                                + access.getSourceCodeLocation() + ")"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useNoReflection(Set<String> allowed) {
        return new ArchCondition<>("use no reflection (java.lang.reflect, Class.forName, Class.get*Method*, …)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (allowed.contains(javaClass.getName())) {
                    return;
                }
                for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                    AccessTarget target = access.getTarget();
                    String owner = target.getOwner().getName();
                    boolean reflect = owner.startsWith("java.lang.reflect.")
                            || owner.equals("java.lang.Class") && (target.getName().equals("forName")
                            || target.getName().startsWith("getDeclared") || target.getName().equals("getMethod")
                            || target.getName().equals("getMethods") || target.getName().equals("getField")
                            || target.getName().equals("getFields") || target.getName().equals("getConstructor")
                            || target.getName().equals("newInstance"));
                    if (reflect) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " reflects: "
                                + owner + "." + target.getName() + " (" + access.getSourceCodeLocation() + ")"));
                    }
                }
            }
        };
    }
}
