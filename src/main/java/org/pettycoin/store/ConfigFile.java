package org.pettycoin.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data directory's optional {@code config} file (C's pettycoin.c parse_from_config): one long
 * option per line without its dashes ({@code port=8000}, {@code seeding}), {@code #} comments and
 * blank lines skipped, CR or LF line ends. It becomes the command-line arguments it stands for, to
 * be parsed before the real command line so that the latter overrides it, as in C (with picocli that needs
 * {@code setOverwrittenOptionsAllowed(true)}, or an option in both places is an error). Whether an
 * option exists, and that {@code pettycoin-dir} is too late to matter here, is the parser's business.
 *
 * <p>Differences from C, which pasted {@code --} in front of each line: leading whitespace is
 * skipped (so indented comments work), a malformed name is refused here with its line, and the line
 * numbers in errors count blank lines (C's skipped them).
 */
public final class ConfigFile {
    /** Name of the file in the data directory. */
    public static final String FILE_NAME = "config";

    /** A long option name as our commands spell them. */
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final String COMMENT = "#";
    private static final String LONG_OPTION_PREFIX = "--";

    private ConfigFile() {}

    /** The arguments the file at {@code path} stands for; none if there is no such file. */
    public static List<String> arguments(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(path + " is not UTF-8 text", e);
        }
        return arguments(text, path.toString());
    }

    /**
     * The arguments {@code text} stands for, in order: {@code --foo} or {@code --foo=bar} per line.
     *
     * @param source names the text in error messages
     * @throws ConfigFileException for the first line that is not an option
     */
    public static List<String> arguments(String text, String source) throws ConfigFileException {
        List<String> args = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.isEmpty() || line.startsWith(COMMENT)) {
                continue;
            }
            int eq = line.indexOf('=');
            // The value is kept verbatim (a log prefix may end in a space); a bare name may not.
            String name = eq < 0 ? line.stripTrailing() : line.substring(0, eq);
            Optional<String> problem = nameProblem(name);
            if (problem.isPresent()) {
                throw new ConfigFileException(source, i + 1, problem.get());
            }
            args.add(LONG_OPTION_PREFIX + (eq < 0 ? name : name + line.substring(eq)));
        }
        return List.copyOf(args);
    }

    /** Why {@code name} cannot be an option name, if it cannot. */
    private static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty option name (expected 'name' or 'name=value')");
        }
        if (name.startsWith("-")) {
            return Optional.of("'" + name + "': write options without their leading dashes");
        }
        if (!OPTION_NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not an option name (expected 'name' or 'name=value')");
        }
        return Optional.empty();
    }

    /** Lines ended by LF, CR or CRLF; a last line without an end counts too. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
