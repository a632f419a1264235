package org.pettycoin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void eachLineBecomesALongOptionInOrder() throws IOException {
        String text = "# my node\nport=8000\nseeding\n\nlog-prefix=node 1: \nreward-address=\nconnect=a:1=b\n";
        assertThat(ConfigFile.arguments(text, "config"))
                .containsExactly(
                        "--port=8000", "--seeding", "--log-prefix=node 1: ", "--reward-address=", "--connect=a:1=b");
    }

    @Test
    void crLfAndCrlfAllEndLines() throws IOException {
        assertThat(ConfigFile.arguments("a\rb\nc\r\nd", "config")).containsExactly("--a", "--b", "--c", "--d");
        assertThat(ConfigFile.lines("a\r\n\r\nb\n\rc")).containsExactly("a", "", "b", "", "c");
    }

    @Test
    void indentationCommentsAndBlankLinesAreSkipped() throws IOException {
        assertThat(ConfigFile.arguments("  # indented comment\n \t \n\tport=1\nseeding  \n", "config"))
                .containsExactly("--port=1", "--seeding");
        assertThat(ConfigFile.arguments("", "config")).isEmpty();
    }

    @Test
    void dashesAreRefusedWithTheRealLineNumber() {
        assertThatThrownBy(() -> ConfigFile.arguments("# c\n\n\r\nport=1\n--seeding\n", "cfg"))
                .isInstanceOfSatisfying(
                        ConfigFileException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessage("cfg line 5: '--seeding': write options without their leading dashes");
    }

    @Test
    void emptyAndMalformedNamesAreRefused() {
        assertThatThrownBy(() -> ConfigFile.arguments("=8000", "cfg"))
                .hasMessage("cfg line 1: empty option name (expected 'name' or 'name=value')");
        assertThatThrownBy(() -> ConfigFile.arguments("ok\nport = 8000", "cfg"))
                .isInstanceOfSatisfying(
                        ConfigFileException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("'port ' is not an option name");
        assertThatThrownBy(() -> ConfigFile.arguments("log level=io", "cfg"))
                .hasMessageContaining("'log level' is not an option name");
    }

    @Test
    void aMissingFileMeansNoArguments() throws IOException {
        assertThat(ConfigFile.arguments(dir.resolve(ConfigFile.FILE_NAME))).isEmpty();
    }

    @Test
    void aFileIsReadAndNamedInErrors() throws IOException {
        Path config = dir.resolve(ConfigFile.FILE_NAME);
        Files.writeString(config, "port=8000\r\nrequire-fees\r\n");
        assertThat(ConfigFile.arguments(config)).containsExactly("--port=8000", "--require-fees");
        Files.writeString(config, "-x\n");
        assertThatThrownBy(() -> ConfigFile.arguments(config)).hasMessageStartingWith(config + " line 1: ");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path config = dir.resolve(ConfigFile.FILE_NAME);
        Files.write(config, new byte[] {'a', '=', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> ConfigFile.arguments(config))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not UTF-8");
        Files.write(config, "log-prefix=é\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigFile.arguments(config)).containsExactly("--log-prefix=é");
    }
}
