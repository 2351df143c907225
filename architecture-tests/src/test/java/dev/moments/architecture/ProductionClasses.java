package dev.moments.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The production classes of Moments as ArchUnit sees them. The modules arrive as jars (or, inside a reactor build,
 * as {@code target/classes} directories) on the test class path of this module.
 */
public final class ProductionClasses {

    public static final String BASE_PACKAGE = "dev.moments";

    private static volatile JavaClasses imported;

    private ProductionClasses() {
    }

    /** Imported once and shared by the plain JUnit tests; the {@code @ArchTest} rules use the same options. */
    public static JavaClasses get() {
        JavaClasses classes = imported;
        if (classes == null) {
            synchronized (ProductionClasses.class) {
                classes = imported;
                if (classes == null) {
                    classes = new ClassFileImporter()
                            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                            .withImportOption(new DoNotIncludeTestArtifacts())
                            .importPackages(BASE_PACKAGE);
                    imported = classes;
                }
            }
        }
        return classes;
    }

    /**
     * Complements {@link ImportOption.DoNotIncludeTests}, which recognises test class directories but not test jars:
     * keeps out the fixtures published as {@code -tests.jar} (e.g. {@code dev.moments.application.fixtures}) and this
     * module's own classes, including the deliberately broken fixtures under {@code dev.moments.architecture}.
     */
    public static final class DoNotIncludeTestArtifacts implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar")
                    && !location.contains("/test-classes/")
                    && !location.contains("/dev/moments/architecture/");
        }
    }
}
