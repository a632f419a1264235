package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.pettycoin.daemon.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command table, in C's {@code help} order with generate and setmocktime added and listrewards
 * last, and the handling of one request: checks of its shape, dispatch, and the response line. Every
 * failure, of the request or of the command, becomes an error response; nothing a client sends can
 * stop the server.
 */
final class RpcCommands {
    private static final Logger LOG = LoggerFactory.getLogger(RpcCommands.class);

    /** What handling a request gave: the response line, and whether the node is now to stop. */
    record Outcome(String response, boolean stop) {}

    private final Map<String, RpcCommand> byName = new LinkedHashMap<>();

    RpcCommands(Node node, Optional<BlockGenerator> generator, Optional<LogRing> log) {
        ChainCommands chain = new ChainCommands(node);
        TxCommands txs = new TxCommands(node);
        BlockCommands blocks = new BlockCommands(node, generator);
        PeerCommands peers = new PeerCommands(node);
        List<RpcCommand> all = new ArrayList<>();
        all.add(RpcCommand.of(
                "help",
                "describe commands",
                "[<command>] if specified gives details about a single command.",
                List.of("command"),
                this::help));
        all.add(chain.getinfo());
        all.add(txs.sendrawtransaction());
        all.add(new RpcCommand(
                "stop",
                "Shutdown the pettycoin process",
                "What part of shutdown wasn't clear?",
                List.of(),
                p -> TextNode.valueOf("Shutting down"),
                true));
        all.add(new ListTransactions(node).command());
        all.add(chain.getblock());
        all.add(chain.getblockhash());
        all.add(blocks.submitblock());
        all.add(txs.gettransaction());
        all.add(peers.getpeerinfo());
        all.add(new LogCommand(log).command());
        all.add(blocks.generate());
        all.add(new MockTimeCommand(node).command());
        all.add(RpcCommand.of(
                "dev-echo", "echo parameters", "Simple echo test for developers", List.of(), RpcCommands::echo));
        all.add(peers.listtodo());
        all.add(chain.detachedBlocks());
        // Ours, after all of C's: C has no rewards to list.
        all.add(new ListRewards(node).command());
        all.forEach(c -> byName.put(c.name(), c));
    }

    /** Handles one request value from the stream. */
    Outcome handle(JsonNode request) {
        if (!request.isObject()) {
            return failed(
                    "a request must be a JSON object with \"method\", \"params\" and \"id\"", NullNode.getInstance());
        }
        JsonNode id = Optional.ofNullable(request.get("id")).orElse(NullNode.getInstance());
        if (id.isContainerNode()) {
            return failed("\"id\" must be a string or a number", NullNode.getInstance());
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual()) {
            return failed("the request has no \"method\" string", id);
        }
        RpcCommand command = byName.get(method.textValue());
        if (command == null) {
            return failed("Unknown command '" + method.textValue() + "'", id);
        }
        JsonNode params = Optional.ofNullable(request.get("params"))
                .filter(p -> !p.isNull())
                .orElse(RpcJson.array());
        if (!params.isArray() && !params.isObject()) {
            return failed("\"params\" must be an array or an object", id);
        }
        try {
            JsonNode result = command.handler().run(new Params(params, command.paramNames()));
            return new Outcome(CJsonFormat.success(result, id), command.stopsNode());
        } catch (RpcException e) {
            return failed(e.getMessage(), id);
        } catch (IOException e) {
            return failed("the node could not answer: " + e.getMessage(), id);
        } catch (RejectedExecutionException e) {
            return failed("the node is shutting down", id);
        } catch (RuntimeException e) {
            LOG.error("JSON-RPC {} failed", command.name(), e);
            return failed("internal error in " + command.name() + ": " + e, id);
        }
    }

    private static Outcome failed(String message, JsonNode id) {
        return new Outcome(CJsonFormat.failure(message, id), false);
    }

    /** Every command; or, named, one command with its details. */
    private JsonNode help(Params p) {
        Optional<JsonNode> name = p.get("command");
        if (name.isPresent()) {
            RpcCommand c = Optional.ofNullable(byName.get(Params.text(name.get())))
                    .orElseThrow(() -> new RpcException("Unknown command '" + Params.text(name.get()) + "'"));
            ObjectNode o = entry(c);
            o.put("details", c.details());
            return o;
        }
        ArrayNode out = RpcJson.array();
        byName.values().forEach(c -> out.add(entry(c)));
        return out;
    }

    private static ObjectNode entry(RpcCommand c) {
        return RpcJson.object().put("command", c.name()).put("description", c.description());
    }

    private static JsonNode echo(Params p) {
        ObjectNode o = RpcJson.object();
        o.put("num", p.count());
        o.set("echo", p.raw());
        return o;
    }
}
