package dev.moments.architecture;

import static dev.moments.architecture.ProductionClasses.BASE_PACKAGE;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules applied to the production code. The rule definitions live in
 * {@link MomentsArchitectureRules}; {@link RulesBiteTest} shows each of them failing on a broken fixture.
 */
@AnalyzeClasses(
        packages = BASE_PACKAGE,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductionClasses.DoNotIncludeTestArtifacts.class})
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_depends_only_on_java_and_on_the_domain_itself =
            MomentsArchitectureRules.domainDependsOnlyOnJavaAndItself(BASE_PACKAGE);

    @ArchTest
    static final ArchRule the_application_depends_only_on_java_the_domain_and_the_application_itself =
            MomentsArchitectureRules.applicationDependsOnlyOnJavaDomainAndItself(BASE_PACKAGE);

    @ArchTest
    static final ArchRule no_adapter_depends_on_another_adapter =
            MomentsArchitectureRules.adaptersDoNotDependOnEachOther(BASE_PACKAGE);

    @ArchTest
    static final ArchRule nothing_outside_bootstrap_depends_on_bootstrap =
            MomentsArchitectureRules.nothingOutsideBootstrapDependsOnBootstrap(BASE_PACKAGE);

    @ArchTest
    static final ArchRule dependencies_point_inward_from_bootstrap_to_adapters_to_application_to_domain =
            MomentsArchitectureRules.layersPointInward(BASE_PACKAGE);

    @ArchTest
    static final ArchRule rest_resources_never_touch_persistence =
            MomentsArchitectureRules.restAdapterDoesNotTouchPersistence(BASE_PACKAGE);

    @ArchTest
    static final ArchRule application_services_carry_no_framework_annotation =
            MomentsArchitectureRules.applicationServicesCarryNoFrameworkAnnotations(BASE_PACKAGE);

    @ArchTest
    static final ArchRule incoming_and_outgoing_ports_never_depend_on_each_other =
            MomentsArchitectureRules.portsInAndOutStayApart(BASE_PACKAGE);

    @ArchTest
    static final ArchRule driving_adapters_use_only_incoming_ports =
            MomentsArchitectureRules.drivingAdaptersUseOnlyIncomingPorts(BASE_PACKAGE);

    @ArchTest
    static final ArchRule driven_adapters_only_implement_outgoing_ports =
            MomentsArchitectureRules.drivenAdaptersOnlyImplementOutgoingPorts(BASE_PACKAGE);

    @ArchTest
    static final ArchRule every_adapter_is_declared_driving_or_driven =
            MomentsArchitectureRules.everyAdapterIsDrivingOrDriven(BASE_PACKAGE);

    @ArchTest
    static final ArchRule the_testkit_is_plain_java_over_the_core =
            MomentsArchitectureRules.testkitIsPlainJavaOverTheCore(BASE_PACKAGE);
}
