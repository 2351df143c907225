package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code bash} blocks of a documentation page, run as written by the tests that keep the page true. */
final class DocumentedScripts {

    private static final Pattern BASH = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);

    private DocumentedScripts() {
    }

    /** Every {@code bash} block of the Markdown text, in order. */
    static List<String> bashBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /**
     * Runs the script with {@code bash -c}, its output (both streams) kept in {@code log}; asserts it ended within
     * {@code limit} with status 0, and answers the output.
     */
    static String run(String script, Path log, Duration limit) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = bash.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("%s within %s:\n%s", log.getFileName(), limit, output).isTrue();
        assertThat(bash.exitValue()).as("%s's exit status:\n%s", log.getFileName(), output).isZero();
        return output;
    }
}
