package org.pettycoin.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every line
 * must be blank, a comment, a {@code # HELP} or {@code # TYPE} line, or a sample
 * {@code name{label="value",...} value [timestamp]}; a family's TYPE comes before its samples and
 * at most once; a sample belongs to a TYPEd family (counters' {@code _total}, histograms'
 * {@code _bucket}/{@code _sum}/{@code _count}...); no series twice. The 1.x Java client has no
 * parser of its own, so this one is written to the format's rules.
 */
final class PromText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ")(?: (.*))?");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)(?: (-?[0-9]+))?");
    private static final Pattern LABEL_PAIR = Pattern.compile("(" + LABEL + ")=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Map<String, Set<String>> SUFFIXES = Map.of(
            "counter", Set.of("_total", "_created", ""),
            "gauge", Set.of(""),
            "untyped", Set.of(""),
            "histogram", Set.of("_bucket", "_sum", "_count", "_created", "_gsum", "_gcount"),
            "summary", Set.of("", "_sum", "_count", "_created"));

    /** One series: its sample name and labels (sorted). */
    record Series(String name, Map<String, String> labels) {}

    private final Map<String, String> types;
    private final Map<Series, Double> samples;

    private PromText(Map<String, String> types, Map<Series, Double> samples) {
        this.types = types;
        this.samples = samples;
    }

    /** Parses {@code text}; any line out of the format fails with the line's number. */
    static PromText parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, Boolean> helped = new HashMap<>();
        Map<String, Boolean> sampled = new HashMap<>();
        Map<Series, Double> samples = new LinkedHashMap<>();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a newline");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": " + line;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher h = HELP.matcher(line);
                Matcher t = TYPE.matcher(line);
                if (line.startsWith("# HELP ")) {
                    check(h.matches(), "bad HELP", where);
                    check(helped.put(h.group(1), true) == null, "HELP twice", where);
                } else if (line.startsWith("# TYPE ")) {
                    check(t.matches(), "bad TYPE", where);
                    check(types.put(t.group(1), t.group(2)) == null, "TYPE twice", where);
                    check(!sampled.containsKey(t.group(1)), "TYPE after its samples", where);
                }
                continue; // any other comment is allowed
            }
            Matcher m = SAMPLE.matcher(line);
            check(m.matches(), "not a sample", where);
            String name = m.group(1);
            String family = familyOf(name, types)
                    .orElseThrow(() -> new IllegalArgumentException("sample of no TYPEd family, " + where));
            sampled.put(family, true);
            Map<String, String> labels = labels(m.group(3), where);
            double value = value(m.group(4), where);
            check(samples.put(new Series(name, labels), value) == null, "series twice", where);
        }
        return new PromText(types, samples);
    }

    private static Optional<String> familyOf(String name, Map<String, String> types) {
        // The longest family that fits: "x_total" of counter x, unless a family "x_total" exists.
        Optional<String> best = Optional.empty();
        for (Map.Entry<String, String> e : types.entrySet()) {
            String family = e.getKey();
            if (name.startsWith(family)
                    && SUFFIXES.get(e.getValue()).contains(name.substring(family.length()))
                    && best.map(f -> f.length() < family.length()).orElse(true)) {
                best = Optional.of(family);
            }
        }
        return best;
    }

    private static Map<String, String> labels(String inside, String where) {
        Map<String, String> labels = new TreeMap<>();
        if (inside == null || inside.isEmpty()) {
            return labels;
        }
        Matcher p = LABEL_PAIR.matcher(inside);
        int at = 0;
        while (true) {
            check(p.find(at) && p.start() == at, "bad label", where);
            check(labels.put(p.group(1), unescape(p.group(2))) == null, "label twice", where);
            at = p.end();
            if (at == inside.length()) {
                return labels;
            }
            check(inside.charAt(at) == ',', "labels not comma-separated", where);
            at++;
            if (at == inside.length()) {
                return labels; // a trailing comma is allowed
            }
        }
    }

    private static String unescape(String v) {
        return v.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static double value(String v, String where) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                check(v.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"), "bad value", where);
                yield Double.parseDouble(v);
            }
        };
    }

    private static void check(boolean ok, String what, String where) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", " + where);
        }
    }

    /** The family's TYPE, if it has one. */
    Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The value of the series {@code name} with exactly these labels (pairs: name, value, ...). */
    Optional<Double> value(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return Optional.ofNullable(samples.get(new Series(name, labels)));
    }

    /** Every series of sample name {@code name}. */
    List<Series> series(String name) {
        List<Series> out = new ArrayList<>();
        samples.keySet().stream().filter(s -> s.name().equals(name)).forEach(out::add);
        return out;
    }

    int size() {
        return samples.size();
    }
}
