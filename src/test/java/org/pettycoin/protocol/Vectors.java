package org.pettycoin.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The reference vectors made by the C node ({@code src/test/resources/vectors}, whose README says how
 * they were produced), read from the test classpath; the system property {@code pettycoin.vectors}
 * may point at another copy. I/O failures surface as {@link UncheckedIOException}: a missing vector
 * fails the test.
 */
public final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSPATH_README = "/vectors/README.md";

    /**
     * One {@code [name]} section of a {@code key=value} file; keys may repeat (transactions.txt has
     * one {@code in_block} per block a tx was mined in).
     */
    public record Section(String name, List<Map.Entry<String, String>> entries) {
        public Section {
            entries = List.copyOf(entries);
        }

        /** The first value of {@code key}. */
        public String get(String key) {
            return entries.stream()
                    .filter(e -> e.getKey().equals(key))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new NoSuchElementException("[" + name + "] has no " + key));
        }

        /** Every value of {@code key}, in file order. */
        public List<String> all(String key) {
            return entries.stream()
                    .filter(e -> e.getKey().equals(key))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    private Vectors() {}

    /** The vectors' directory: {@code -Dpettycoin.vectors=DIR}, else the copy on the test classpath. */
    public static Path dir() {
        String override = System.getProperty("pettycoin.vectors");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        URL readme = Vectors.class.getResource(CLASSPATH_README);
        if (readme == null) {
            throw new IllegalStateException("no vectors on the test classpath (" + CLASSPATH_README + ")");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("vectors are not a directory on the classpath: " + readme, e);
        }
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String file) {
        try {
            return Files.readAllLines(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sections of a {@code key=value} file (keys.txt, transactions.txt, genesis.txt) by name, in
     * file order. Lines before the first {@code [name]} belong to the section named {@code ""};
     * blank lines and {@code #} comments are skipped; a value may itself contain {@code =}.
     */
    public static Map<String, Section> sections(String file) {
        Map<String, List<Map.Entry<String, String>>> raw = new LinkedHashMap<>();
        String current = "";
        for (String line : lines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                current = t.substring(1, t.length() - 1);
                raw.computeIfAbsent(current, k -> new ArrayList<>());
                continue;
            }
            int eq = t.indexOf('=');
            if (eq > 0) {
                raw.computeIfAbsent(current, k -> new ArrayList<>())
                        .add(Map.entry(t.substring(0, eq), t.substring(eq + 1)));
            }
        }
        Map<String, Section> out = new LinkedHashMap<>();
        raw.forEach((name, entries) -> out.put(name, new Section(name, entries)));
        return out;
    }

    /** One JSON value per non-blank line. */
    public static List<JsonNode> jsonl(String file) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(file)) {
            if (!line.isBlank()) {
                out.add(readJson(line));
            }
        }
        return out;
    }

    public static JsonNode json(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
