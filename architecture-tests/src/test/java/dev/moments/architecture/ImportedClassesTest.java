package dev.moments.architecture;

import static dev.moments.architecture.ProductionClasses.BASE_PACKAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards against rules that pass vacuously: every layer package must hold at least one imported production class,
 * and the test code of other modules must not be mistaken for production code.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImportedClassesTest {

    static Stream<String> layerPackages() {
        return MomentsArchitectureRules.layerPackages(BASE_PACKAGE).stream();
    }

    @ParameterizedTest(name = "{0} contains at least one imported production class")
    @MethodSource("layerPackages")
    void every_layer_package_contains_at_least_one_imported_production_class(String layerPackage) {
        List<String> found = ProductionClasses.get().stream()
                .filter(javaClass -> resides(javaClass, layerPackage))
                .map(JavaClass::getName)
                .toList();

        assertThat(found)
                .as("No production class was imported from package %s.. - the architecture rules about it would"
                        + " check nothing. Either the package name is misspelled, or its module has no classes yet, or"
                        + " the module's jar on this module's test class path is stale (run `./mvnw install` for it).",
                        layerPackage)
                .isNotEmpty();
    }

    @Test
    void no_test_fixture_of_another_module_is_imported_as_production_code() {
        List<String> testClasses = ProductionClasses.get().stream()
                .filter(javaClass -> javaClass.getPackageName().contains(".fixtures")
                        || javaClass.getPackageName().startsWith(BASE_PACKAGE + ".architecture")
                        || source(javaClass).contains("-tests.jar")
                        || source(javaClass).contains("/test-classes/"))
                .map(javaClass -> javaClass.getName() + " from " + source(javaClass))
                .toList();

        assertThat(testClasses)
                .as("test code must stay out of the analysed classes, otherwise fixtures would be judged as production")
                .isEmpty();
    }

    @Test
    void rules_that_select_no_class_fail_instead_of_passing() {
        assertThat(ArchConfiguration.get().getProperty("archRule.failOnEmptyShould"))
                .as("archRule.failOnEmptyShould in src/test/resources/archunit.properties")
                .isEqualTo("true");
    }

    private static String source(JavaClass javaClass) {
        return javaClass.getSource().map(source -> source.getUri().toString()).orElse("");
    }

    private static boolean resides(JavaClass javaClass, String layerPackage) {
        String packageName = javaClass.getPackageName();
        return packageName.equals(layerPackage) || packageName.startsWith(layerPackage + ".");
    }
}
