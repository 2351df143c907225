package dev.moments.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that the rules of {@link MomentsArchitectureRules} are not vacuous: applied to the broken fixture package
 * {@code dev.moments.architecture.violations} each reports the violation planted for it, applied to the
 * {@code dev.moments.architecture.conforming} fixture all pass, and applied to a misspelled package they fail.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RulesBiteTest {

    private static final String VIOLATIONS = "dev.moments.architecture.violations";
    private static final String CONFORMING = "dev.moments.architecture.conforming";

    private static final JavaClasses VIOLATING_CLASSES = new ClassFileImporter().importPackages(VIOLATIONS);
    private static final JavaClasses CONFORMING_CLASSES = new ClassFileImporter().importPackages(CONFORMING);

    @Test
    void a_domain_class_depending_on_an_adapter_breaks_the_domain_rule() {
        assertViolation(MomentsArchitectureRules.domainDependsOnlyOnJavaAndItself(VIOLATIONS),
                VIOLATIONS + ".domain.Coupon", VIOLATIONS + ".adapter.persistence.CouponRow");
    }

    @Test
    void an_application_class_depending_on_jakarta_breaks_the_application_rule() {
        assertViolation(MomentsArchitectureRules.applicationDependsOnlyOnJavaDomainAndItself(VIOLATIONS),
                VIOLATIONS + ".application.service.CouponService", "jakarta.enterprise.context.ApplicationScoped");
    }

    @Test
    void a_rest_resource_using_a_persistence_class_breaks_the_adapter_isolation_rule() {
        assertViolation(MomentsArchitectureRules.adaptersDoNotDependOnEachOther(VIOLATIONS),
                "adapter 'rest'", "adapter 'persistence'",
                VIOLATIONS + ".adapter.rest.CouponResource", VIOLATIONS + ".adapter.persistence.CouponRow");
    }

    @Test
    void an_adapter_depending_on_bootstrap_breaks_the_bootstrap_rule() {
        assertViolation(MomentsArchitectureRules.nothingOutsideBootstrapDependsOnBootstrap(VIOLATIONS),
                VIOLATIONS + ".adapter.persistence.CouponRow", VIOLATIONS + ".bootstrap.Wiring");
    }

    @Test
    void outward_dependencies_break_the_layered_architecture() {
        assertViolation(MomentsArchitectureRules.layersPointInward(VIOLATIONS),
                VIOLATIONS + ".domain.Coupon", VIOLATIONS + ".bootstrap.Wiring");
    }

    @Test
    void a_rest_resource_using_a_persistence_class_breaks_the_rest_rule() {
        assertViolation(MomentsArchitectureRules.restAdapterDoesNotTouchPersistence(VIOLATIONS),
                VIOLATIONS + ".adapter.rest.CouponResource", VIOLATIONS + ".adapter.persistence.CouponRow");
    }

    @Test
    void a_cdi_annotated_application_service_breaks_the_annotation_rule() {
        assertViolation(MomentsArchitectureRules.applicationServicesCarryNoFrameworkAnnotations(VIOLATIONS),
                VIOLATIONS + ".application.service.CouponService", "@jakarta.enterprise.context.ApplicationScoped");
    }

    @Test
    void an_incoming_port_built_on_an_outgoing_one_breaks_the_ports_rule() {
        assertViolation(MomentsArchitectureRules.portsInAndOutStayApart(VIOLATIONS),
                VIOLATIONS + ".application.port.in.CouponView", VIOLATIONS + ".application.port.out.CouponStore");
    }

    @Test
    void an_outgoing_port_naming_a_use_case_breaks_the_ports_rule() {
        assertViolation(MomentsArchitectureRules.portsInAndOutStayApart(VIOLATIONS),
                VIOLATIONS + ".application.port.out.CouponEvents", VIOLATIONS + ".application.port.in.RedeemCoupon");
    }

    @Test
    void a_rest_resource_reaching_an_outgoing_port_breaks_the_driving_adapter_rule() {
        assertViolation(MomentsArchitectureRules.drivingAdaptersUseOnlyIncomingPorts(VIOLATIONS),
                VIOLATIONS + ".adapter.rest.CouponResource", VIOLATIONS + ".application.port.out.CouponStore");
    }

    @Test
    void a_persistence_class_calling_a_use_case_breaks_the_driven_adapter_rule() {
        assertViolation(MomentsArchitectureRules.drivenAdaptersOnlyImplementOutgoingPorts(VIOLATIONS),
                VIOLATIONS + ".adapter.persistence.CouponRow", VIOLATIONS + ".application.port.in.RedeemCoupon");
    }

    @Test
    void an_adapter_nobody_classified_breaks_the_driving_or_driven_rule() {
        assertViolation(MomentsArchitectureRules.everyAdapterIsDrivingOrDriven(VIOLATIONS),
                VIOLATIONS + ".adapter.mail.CouponMailer");
    }

    @Test
    void a_testkit_reaching_the_persistence_adapter_breaks_the_testkit_rule() {
        assertViolation(MomentsArchitectureRules.testkitIsPlainJavaOverTheCore(VIOLATIONS),
                VIOLATIONS + ".testkit.CouponTestkit", VIOLATIONS + ".adapter.persistence.CouponRow");
    }

    @Test
    void a_seed_or_a_start_time_computed_in_a_static_initializer_breaks_the_first_native_rule() {
        assertViolation(NativeImageRules.noStaticInitializerReadsAClockOrMakesRandomness(VIOLATIONS),
                VIOLATIONS + ".bootstrap.StartupStamp calls java.security.SecureRandom.<init>",
                VIOLATIONS + ".bootstrap.StartupStamp calls java.time.Instant.now");
    }

    @Test
    void a_class_looked_up_by_name_breaks_the_second_native_rule() {
        assertViolation(NativeImageRules.noReflectionBeyondWhatIsRegistered(VIOLATIONS),
                VIOLATIONS + ".adapter.rest.ReflectiveLookup reflects: java.lang.Class.forName");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("domain", MomentsArchitectureRules::domainDependsOnlyOnJavaAndItself),
                rule("application", MomentsArchitectureRules::applicationDependsOnlyOnJavaDomainAndItself),
                rule("adapter isolation", MomentsArchitectureRules::adaptersDoNotDependOnEachOther),
                rule("bootstrap", MomentsArchitectureRules::nothingOutsideBootstrapDependsOnBootstrap),
                rule("layered architecture", MomentsArchitectureRules::layersPointInward),
                rule("rest without persistence", MomentsArchitectureRules::restAdapterDoesNotTouchPersistence),
                rule("no framework annotation", MomentsArchitectureRules::applicationServicesCarryNoFrameworkAnnotations),
                rule("ports apart", MomentsArchitectureRules::portsInAndOutStayApart),
                rule("driving adapters", MomentsArchitectureRules::drivingAdaptersUseOnlyIncomingPorts),
                rule("driven adapters", MomentsArchitectureRules::drivenAdaptersOnlyImplementOutgoingPorts),
                rule("driving or driven", MomentsArchitectureRules::everyAdapterIsDrivingOrDriven),
                rule("plain testkit", MomentsArchitectureRules::testkitIsPlainJavaOverTheCore),
                rule("native: static initializers", NativeImageRules::noStaticInitializerReadsAClockOrMakesRandomness),
                rule("native: reflection", NativeImageRules::noReflectionBeyondWhatIsRegistered));
    }

    @ParameterizedTest(name = "the {0} rule passes on a conforming hexagon")
    @MethodSource("rules")
    void every_rule_passes_on_a_conforming_hexagon(String name, Function<String, ArchRule> rule) {
        EvaluationResult result = rule.apply(CONFORMING).evaluate(CONFORMING_CLASSES);

        assertThat(result.hasViolation())
                .as("%s", String.join(System.lineSeparator(), result.getFailureReport().getDetails()))
                .isFalse();
    }

    @ParameterizedTest(name = "the {0} rule fails on a misspelled package instead of passing vacuously")
    @MethodSource("rules")
    void every_rule_fails_on_a_misspelled_package(String name, Function<String, ArchRule> rule) {
        String misspelled = CONFORMING + ".misspelt";

        assertThatThrownBy(() -> rule.apply(misspelled).check(CONFORMING_CLASSES))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void every_layer_package_of_the_conforming_hexagon_is_populated() {
        for (String layerPackage : MomentsArchitectureRules.layerPackages(CONFORMING)) {
            assertThat(CONFORMING_CLASSES.containPackage(layerPackage)
                    && !CONFORMING_CLASSES.getPackage(layerPackage).getClassesInPackageTree().isEmpty())
                    .as("fixture package %s", layerPackage)
                    .isTrue();
        }
    }

    private static Arguments rule(String name, Function<String, ArchRule> rule) {
        return Arguments.of(name, rule);
    }

    private static void assertViolation(ArchRule rule, String... expectedInReport) {
        EvaluationResult result = rule.evaluate(VIOLATING_CLASSES);
        String report = String.join(System.lineSeparator(), result.getFailureReport().getDetails());

        assertThat(result.hasViolation()).as("rule '%s' on %s", rule.getDescription(), VIOLATIONS).isTrue();
        assertThat(report).contains(expectedInReport);
    }
}
