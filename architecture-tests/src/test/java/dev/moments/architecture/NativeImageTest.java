package dev.moments.architecture;

import static dev.moments.architecture.ProductionClasses.BASE_PACKAGE;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The native-image rules of {@link NativeImageRules} applied to the production code. */
@AnalyzeClasses(
        packages = BASE_PACKAGE,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductionClasses.DoNotIncludeTestArtifacts.class})
class NativeImageTest {

    @ArchTest
    static final ArchRule no_static_initializer_reads_a_clock_or_makes_randomness =
            NativeImageRules.noStaticInitializerReadsAClockOrMakesRandomness(BASE_PACKAGE);

    @ArchTest
    static final ArchRule no_reflection_beyond_what_quarkus_registers =
            NativeImageRules.noReflectionBeyondWhatIsRegistered(BASE_PACKAGE);
}
