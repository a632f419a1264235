package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * getlog (C's jsonrpc.c json_getlog): the in-memory log at or above a level, runs of skipped
 * entries shown as {@code {"type" : "SKIPPED", "num_skipped" : n}}. The log is an array of
 * objects (what C meant; its code printed named members inside arrays, which is not JSON:
 * docs/c-differences.md #47). A frame logged at io adds C's {@code direction} and {@code data}
 * (its hex, at most the first 512 bytes). The ring holds every level whatever the console shows;
 * without a level, getlog shows info and above, as C's.
 */
final class LogCommand {
    private final Optional<LogRing> ring;

    LogCommand(Optional<LogRing> ring) {
        this.ring = ring;
    }

    RpcCommand command() {
        return RpcCommand.of(
                "getlog",
                "Get logs, with optional level: [io|debug|info|unusual]",
                "Returns log array",
                List.of("level"),
                this::run);
    }

    private JsonNode run(Params p) {
        LogRing.LogLevel level = p.get("level").map(LogCommand::level).orElse(LogRing.LogLevel.INFO);
        LogRing r = ring.orElseThrow(() -> new RpcException("this node keeps no log in memory"));
        LogRing.Snapshot s = r.snapshot();
        ObjectNode o = RpcJson.object();
        Instant created = s.created();
        o.put("creation_time", LogRing.time(created.getEpochSecond(), created.getNano()));
        o.put("bytes_used", s.bytesUsed());
        o.put("bytes_max", s.bytesMax());
        ArrayNode log = o.putArray("log");
        int skipped = 0;
        for (LogRing.Entry e : s.entries()) {
            skipped += e.skippedBefore();
            if (e.level().compareTo(level) < 0) {
                skipped++;
                continue;
            }
            if (skipped > 0) {
                log.addObject().put("type", "SKIPPED").put("num_skipped", skipped);
                skipped = 0;
            }
            ObjectNode entry = log.addObject()
                    .put("type", e.level().name())
                    .put("time", LogRing.sinceCreation(e.nanosSinceCreation()))
                    .put("source", e.source())
                    .put("log", e.text());
            // C's IO entries carry the direction and the bytes (jsonrpc.c log_to_json).
            e.frame()
                    .ifPresent(
                            f -> entry.put("direction", f.in() ? "IN" : "OUT").put("data", f.hex()));
        }
        return o;
    }

    /** io, debug, info or unusual; "broken" is refused, as in C. */
    private static LogRing.LogLevel level(JsonNode v) {
        String name = v.isTextual() ? v.textValue().toLowerCase(Locale.ROOT) : "";
        return switch (name) {
            case "io" -> LogRing.LogLevel.IO;
            case "debug" -> LogRing.LogLevel.DEBUG;
            case "info" -> LogRing.LogLevel.INFO;
            case "unusual" -> LogRing.LogLevel.UNUSUAL;
            default -> throw new RpcException("Invalid level param");
        };
    }
}
