package dev.moments.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's example test is the file the build runs as another team's project (src/it/readme-example), and its
 * dependency snippet is that project's: neither can drift from what is run.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("src", "it", "readme-example");

    @Test
    void theReadmeShowsTheExampleTestThatTheBuildRuns() throws IOException {
        String test = Files.readString(EXAMPLE.resolve("src/test/java/com/example/shop/BigOrderMomentTest.java"));

        assertThat(Files.readString(README)).contains("```java\n" + test.stripTrailing() + "\n```");
    }

    @Test
    void theReadmeShowsTheDependencyOfTheExampleProject() throws IOException {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        String dependency = pom.substring(pom.indexOf("    <dependency>\n      <groupId>dev.moments</groupId>"),
                pom.indexOf("</dependency>") + "</dependency>".length())
                .replace("@project.version@", System.getProperty("project.version", "0.1.0-SNAPSHOT"));

        assertThat(Files.readString(README)).contains("```xml\n" + dependency.stripIndent().strip() + "\n```");
    }
}
