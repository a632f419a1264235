package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.testing.CliRunner;
import picocli.CommandLine;

/** Every command's --help renders: picocli warns (on stderr) of a description it cannot format. */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersCleanly() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(10);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.err()).as(String.join(" ", args)).doesNotContain("WARN");
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: pettycoin");
        }
    }

    private static void collect(CommandLine c, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (var e : c.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            collect(e.getValue(), sub, out);
        }
    }
}
