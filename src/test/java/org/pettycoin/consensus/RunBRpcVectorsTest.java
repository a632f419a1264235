package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.chain.PrevTxhashes;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.Vectors;

/**
 * What the C node's JSON-RPC printed in run B, checked against our own decoding and hashing: the
 * injected txs and their ids, the transaction fields, and two whole blocks rebuilt from getblock
 * output whose ids must come out as the C node's. (The RPC output format itself is the RPC's test.)
 */
class RunBRpcVectorsTest {
    /** TXn=hex lines and the reply that follows each, from json_sendrawtransaction.txt. */
    private static Map<String, Tx> injected() throws Exception {
        Map<String, Tx> txs = new LinkedHashMap<>();
        String last = null;
        for (String line : Vectors.lines("json_sendrawtransaction.txt")) {
            if (line.matches("TX\\d=.*")) {
                last = line.substring(0, 3);
                txs.put(last, TxCodec.decode(Hex.decode(line.substring(4).strip())));
            } else if (line.startsWith("{ \"tx\" : ") && last != null) {
                String replyId = line.substring(10, 74);
                assertThat(TxHashes.txid(txs.get(last)).hex()).as(last).isEqualTo(replyId);
            }
        }
        return txs;
    }

    @Test
    void sendrawtransactionRepliesNameOurTxids() throws Exception {
        Map<String, Tx> txs = injected();
        assertThat(txs).containsOnlyKeys("TX1", "TX2", "TX3", "TX4");
        TxSigning signing = new TxSigning();
        txs.values().forEach(tx -> assertThat(signing.verify(tx)).isTrue());
        // Each later tx spends the one before it (the "unknown_input" replies).
        assertThat(txs.get("TX2").inputs().get(0).txid()).isEqualTo(TxHashes.txid(txs.get("TX1")));
        assertThat(txs.get("TX3").inputs().get(0).txid()).isEqualTo(TxHashes.txid(txs.get("TX2")));
        assertThat(txs.get("TX4").inputs().get(0).txid()).isEqualTo(TxHashes.txid(txs.get("TX3")));
    }

    @Test
    void gettransactionFieldsMatchOurDecoding() throws Exception {
        NormalTx tx = (NormalTx) injected().get("TX2");
        for (JsonNode j : List.of(
                Vectors.json("json_gettransaction.json"),
                Vectors.json("json_listtransactions.json").get(0))) {
            assertThat(j.get("txid").asText()).isEqualTo(TxHashes.txid(tx).hex());
            assertThat(j.get("type").asText()).isEqualTo("TX_NORMAL");
            assertThat(j.get("input_key").asText()).isEqualTo(tx.inputKey().hex());
            assertThat(j.get("output_addr").asText())
                    .isEqualTo(AddressCodec.encode(tx.outputAddr(), AddressStyle.PETTYCOIN_TEST));
            assertThat(j.get("send_amount").asLong()).isEqualTo(tx.sendAmount());
            assertThat(j.get("change_amount").asLong()).isEqualTo(tx.changeAmount());
            assertThat(j.get("signature").asText()).isEqualTo(tx.signature().hex());
            assertThat(j.get("vin").get(0).get("input").asText())
                    .isEqualTo(tx.inputs().get(0).txid().hex());
        }
    }

    @Test
    void fromGatewayFieldsAndTheCSignatureOffsetBug() throws Exception {
        FromGatewayTx tx = (FromGatewayTx) injected().get("TX1");
        JsonNode j = Vectors.json("json_gettransaction_from_gateway.json");
        assertThat(j.get("txid").asText()).isEqualTo(TxHashes.txid(tx).hex());
        assertThat(j.get("gateway_key").asText()).isEqualTo(tx.gatewayKey().hex());
        assertThat(j.get("vout").get(0).get("send_amount").asLong())
                .isEqualTo(tx.outputs().get(0).sendAmount());
        assertThat(j.get("vout").get(0).get("output_addr").asText())
                .isEqualTo(AddressCodec.encode(tx.outputs().get(0).outputAddr(), AddressStyle.PETTYCOIN_TEST));
        // json_add_tx.c prints a normal tx's signature field (offset 68), i.e. 64 bytes from there.
        byte[] bytes = TxCodec.encode(tx);
        byte[] wrong = java.util.Arrays.copyOfRange(bytes, 68, 68 + 64);
        assertThat(j.get("signature").asText()).isEqualTo(Hex.encode(wrong));
    }

    @Test
    void blocksRebuiltFromGetblockHaveTheCIds() throws Exception {
        Tx tx1 = injected().get("TX1");
        // Height 2 covers blocks 1 and 0, all empty; height 15 covers 14 (TX1 in shard 1), 13, 11, 7.
        checkRebuilt(Vectors.json("json_getblock_empty.json"), Map.of());
        checkRebuilt(Vectors.json("json_getblock_with_tx.json"), Map.of(14L, Map.of(1, TxCodec.encode(tx1))));
    }

    private static void checkRebuilt(JsonNode j, Map<Long, Map<Integer, byte[]>> coveredContents) {
        long height = j.get("height").asLong();
        Address feesTo =
                AddressCodec.decode(j.get("fees_to").asText()).orElseThrow().address();
        List<Hash256> prevs = new ArrayList<>();
        j.get("prevs").forEach(p -> prevs.add(Hash256.fromHex(p.asText())));
        List<Hash256> merkles = new ArrayList<>();
        j.get("merkles").forEach(m -> merkles.add(Hash256.fromHex(m.asText())));
        byte[] numTxs = new byte[4];
        for (int shard = 0; shard < 4; shard++) {
            JsonNode txs = j.get("shards").get(shard);
            numTxs[shard] = (byte) txs.size();
            List<TxRefHash> leaves = new ArrayList<>();
            for (JsonNode t : txs) {
                List<InputRef> refs = new ArrayList<>();
                t.get("refs")
                        .forEach(r -> refs.add(new InputRef(
                                r.get("blocks_ago").asLong(),
                                r.get("shard").asInt(),
                                r.get("txoff").asInt())));
                leaves.add(new TxRefHash(Hash256.fromHex(t.get("tx").asText()), TxHashes.refhash(refs)));
            }
            assertThat(MerkleTree.root(leaves)).as("merkle of shard %d", shard).isEqualTo(merkles.get(shard));
        }
        byte[] prevTxhashes = new byte[(int) PrevTxhashes.expectedCount(height, 4)];
        int i = 0;
        for (long covered : PrevTxhashes.coveredHeights(height)) {
            for (int shard = 0; shard < 4; shard++) {
                byte[] content = coveredContents.getOrDefault(covered, Map.of()).get(shard);
                prevTxhashes[i++] = (byte) PrevTxhashes.byteFor(feesTo, content == null ? List.of() : List.of(content));
            }
        }
        BlockHeader h = new BlockHeader(
                j.get("features_vote").asInt(),
                j.get("shard_order").asInt(),
                Bytes.fromHex(j.get("nonce2").asText()),
                prevTxhashes.length,
                height,
                feesTo,
                prevs);
        Block b = new Block(
                h,
                Bytes.of(numTxs),
                merkles,
                Bytes.of(prevTxhashes),
                new BlockTailer(
                        j.get("timestamp").asLong(),
                        j.get("difficulty").asLong(),
                        j.get("nonce1").asLong()));
        assertThat(BlockIds.id(b).hex()).isEqualTo(j.get("hash").asText());
        assertThat(Difficulty.beatsTarget(BlockIds.id(b), b.tailer().difficulty()))
                .isTrue();
    }

    @Test
    void getblockhashReturnsProofOfWorkIds() {
        JsonNode ids = Vectors.json("json_getblockhash_1.json");
        assertThat(ids.size()).as("every block at height 1, forks included").isEqualTo(2);
        ids.forEach(id -> assertThat(Difficulty.beatsTarget(Hash256.fromHex(id.asText()), 0x1d3bffc4L))
                .isTrue());
    }
}
