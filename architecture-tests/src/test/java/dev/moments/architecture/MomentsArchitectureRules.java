package dev.moments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The architecture rules of Moments, parametrised by the base package so that the very same definitions are
 * checked against the production code ({@code dev.moments}) and against small fixture packages that prove
 * the rules bite ({@code dev.moments.architecture.violations}) and do not over-reach
 * ({@code dev.moments.architecture.conforming}).
 *
 * <p>Every package below is relative to the base package: {@code domain}, {@code application.port} (what both kinds
 * of ports share), {@code application.port.in}, {@code application.port.out}, {@code application.service},
 * {@code adapter.<name>}, {@code bootstrap}.
 */
public final class MomentsArchitectureRules {

    /** Annotation packages that belong to a framework, not to plain Java. */
    static final List<String> FRAMEWORK_ANNOTATION_PACKAGES =
            List.of("jakarta.", "javax.", "io.quarkus.", "org.eclipse.microprofile.", "io.smallrye.");

    /**
     * The adapters that drive the application, relative to {@code <base>.adapter}: they turn requests into calls of
     * its use cases ({@code port.in}). The provider callbacks of the fulfillment adapter are such an entry point, and
     * so is the consumer of the queue {@code moments.events} in the messaging adapter.
     */
    static final List<String> DRIVING_ADAPTERS = List.of("rest", "web", "fulfillment.callback", "messaging.events");
    /**
     * The adapters the application drives, relative to {@code <base>.adapter}: each implements outgoing ports
     * ({@code port.out}). A package listed here does not cover the driving packages listed above inside it.
     */
    static final List<String> DRIVEN_ADAPTERS = List.of("persistence", "rules", "fulfillment", "messaging", "webhooks",
            "email");

    private MomentsArchitectureRules() {
    }

    /** The packages that must each hold at least one class, otherwise a rule about them would pass vacuously. */
    public static List<String> layerPackages(String base) {
        return List.of(
                base + ".domain",
                base + ".application.port.in",
                base + ".application.port.out",
                base + ".application.service",
                base + ".adapter.persistence",
                base + ".adapter.rules",
                base + ".adapter.rest",
                base + ".bootstrap",
                base + ".testkit");
    }

    /** Rule 1. */
    public static ArchRule domainDependsOnlyOnJavaAndItself(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base + ".domain..")
                .because("the domain is the model and its rules in plain Java: no framework, library or outer"
                        + " layer may leak into it, so it can be understood, tested and kept for years on its own");
    }

    /** Rule 2. */
    public static ArchRule applicationDependsOnlyOnJavaDomainAndItself(String base) {
        return classes().that().resideInAPackage(base + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", base + ".domain..", base + ".application..")
                .because("the use cases and their ports are plain Java on top of the domain; everything technical"
                        + " (database, HTTP, expression language, CDI) is reached through ports implemented by adapters");
    }

    /** Rule 3: every package {@code <base>.adapter.<name>} is a slice, so new adapters are covered automatically. */
    public static ArchRule adaptersDoNotDependOnEachOther(String base) {
        return slices().matching(base + ".adapter.(*)..")
                .namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .because("each adapter plugs one technology into the application's ports; adapters talk to each"
                        + " other only through the application, so any of them can be replaced or removed alone");
    }

    /** Rule 4. */
    public static ArchRule nothingOutsideBootstrapDependsOnBootstrap(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackage(base + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(base + ".bootstrap..")
                .because("bootstrap is the outermost ring that wires everything together; nothing may depend on"
                        + " the wiring, otherwise the dependency arrows would point outward");
    }

    /** Rule 5: the hexagon seen as layers, dependencies point inward only. */
    public static ArchRule layersPointInward(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(base + ".domain..")
                .layer("Application").definedBy(base + ".application..")
                .layer("Adapters").definedBy(base + ".adapter..")
                .layer("Bootstrap").definedBy(base + ".bootstrap..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
                .because("in a hexagonal architecture dependencies point inward: bootstrap knows the adapters,"
                        + " adapters know the application, the application knows the domain, never the reverse");
    }

    /** Rule 6. */
    public static ArchRule restAdapterDoesNotTouchPersistence(String base) {
        return noClasses().that().resideInAPackage(base + ".adapter.rest..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        base + ".adapter.persistence..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "io.quarkus.hibernate..")
                .because("REST resources translate HTTP to use cases and back; reading or writing the database"
                        + " from a resource would bypass the application's rules and transactions");
    }

    /** Rule 7. */
    public static ArchRule applicationServicesCarryNoFrameworkAnnotations(String base) {
        return classes().that().resideInAPackage(base + ".application.service..")
                .should(carryNoFrameworkAnnotation())
                .because("application services are plain Java objects that bootstrap instantiates and wires;"
                        + " CDI, transaction or Quarkus annotations would tie the use cases to one container");
    }

    /** Rule 8: the two kinds of ports share only the neutral package {@code application.port} (pages, failures). */
    public static ArchRule portsInAndOutStayApart(String base) {
        String in = base + ".application.port.in..";
        String out = base + ".application.port.out..";
        return CompositeArchRule.of(noClasses().that().resideInAPackage(in)
                        .should().dependOnClassesThat().resideInAPackage(out)
                        .because("a use case speaks the language of its callers, not that of the database or the"
                                + " gateways behind it; what both sides need lives in application.port"))
                .and(noClasses().that().resideInAPackage(out)
                        .should().dependOnClassesThat().resideInAPackage(in)
                        .because("an outgoing port describes what the application needs from the outside world,"
                                + " never what it offers to its callers"));
    }

    /** Rule 9. */
    public static ArchRule drivingAdaptersUseOnlyIncomingPorts(String base) {
        return noClasses().that().resideInAnyPackage(packages(base, DRIVING_ADAPTERS))
                .should().dependOnClassesThat().resideInAnyPackage(
                        base + ".application.port.out..", base + ".application.service..")
                .because("a driving adapter (HTTP, the redemption page, a provider's callback) calls use cases"
                        + " through port.in only: reaching a repository or a service class would skip the use"
                        + " case's rules, locks and transaction");
    }

    /** Rule 10. */
    public static ArchRule drivenAdaptersOnlyImplementOutgoingPorts(String base) {
        return noClasses().that().resideInAnyPackage(packages(base, DRIVEN_ADAPTERS))
                .and().resideOutsideOfPackages(packages(base, DRIVING_ADAPTERS))
                .should().dependOnClassesThat().resideInAnyPackage(
                        base + ".application.port.in..", base + ".application.service..")
                .because("a driven adapter (the database, the expression language, a reward provider) implements"
                        + " port.out for the application; calling back into a use case would turn the hexagon"
                        + " inside out and hide a second way in");
    }

    /** Rule 11: so that rules 9 and 10 cannot be dodged by a new adapter nobody classified. */
    public static ArchRule everyAdapterIsDrivingOrDriven(String base) {
        List<String> declared = new java.util.ArrayList<>(List.of(packages(base, DRIVING_ADAPTERS)));
        declared.addAll(List.of(packages(base, DRIVEN_ADAPTERS)));
        return classes().that().resideInAPackage(base + ".adapter..")
                .should().resideInAnyPackage(declared.toArray(String[]::new))
                .because("every adapter either drives the application or is driven by it, and the rules above"
                        + " check each kind: a new adapter is added to DRIVING_ADAPTERS or DRIVEN_ADAPTERS");
    }

    /**
     * Rule 12: the testkit wires the core for other teams' tests as bootstrap wires it for the service, from the
     * plain parts only (the rules adapter's CEL, the REST adapter's JSON), so that it runs without a container.
     */
    public static ArchRule testkitIsPlainJavaOverTheCore(String base) {
        return classes().that().resideInAPackage(base + ".testkit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        base + ".domain..", base + ".application..", base + ".adapter.rules..",
                        base + ".adapter.rest.json..", base + ".testkit..")
                .because("teams use the testkit in their own unit tests: it must start in milliseconds with no"
                        + " framework, database or server, and evaluate what the service evaluates");
    }

    private static String[] packages(String base, List<String> adapters) {
        return adapters.stream().map(name -> base + ".adapter." + name + "..").toArray(String[]::new);
    }

    /**
     * No annotation from {@link #FRAMEWORK_ANNOTATION_PACKAGES} on the class, its fields, constructors, methods
     * or their parameters.
     */
    static ArchCondition<JavaClass> carryNoFrameworkAnnotation() {
        return new ArchCondition<>("carry no jakarta, javax, Quarkus, MicroProfile or SmallRye annotation") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaAnnotation<?> annotation : javaClass.getAnnotations()) {
                    report(javaClass, annotation, javaClass.getName(), events);
                }
                for (JavaMember member : javaClass.getMembers()) {
                    for (JavaAnnotation<?> annotation : member.getAnnotations()) {
                        report(javaClass, annotation, member.getFullName(), events);
                    }
                    if (member instanceof JavaCodeUnit codeUnit) {
                        for (JavaParameter parameter : codeUnit.getParameters()) {
                            for (JavaAnnotation<?> annotation : parameter.getAnnotations()) {
                                report(javaClass, annotation,
                                        "parameter " + parameter.getIndex() + " of " + codeUnit.getFullName(), events);
                            }
                        }
                    }
                }
            }

            private void report(JavaClass owner, JavaAnnotation<?> annotation, String target, ConditionEvents events) {
                String annotationType = annotation.getRawType().getName();
                if (FRAMEWORK_ANNOTATION_PACKAGES.stream().anyMatch(annotationType::startsWith)) {
                    events.add(SimpleConditionEvent.violated(owner,
                            target + " is annotated with @" + annotationType + " in " + owner.getSourceCodeLocation()));
                }
            }
        };
    }
}
