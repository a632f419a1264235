package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Vectors;

class GenesisTest {
    private static final String TESTNET_ID = "963855efb11c344be0d146ea493878cb2647ea2a663acbbce9aa1b81d9ff2f7e";

    @Test
    void testnetGenesisMatchesTheCNodeByteForByte() {
        Block g = Network.TESTNET.genesis();
        String hex = new String(Vectors.bytes("genesis_block.hex"), StandardCharsets.US_ASCII).trim();
        assertThat(Hex.encode(BlockCodec.encode(g))).isEqualTo(hex);
        assertThat(BlockCodec.length(g)).isEqualTo(828);
        assertThat(Network.TESTNET.genesisId().hex()).isEqualTo(TESTNET_ID);
    }

    @Test
    void genesisIdsInTheVectorFileAgree() {
        Vectors.Section p = Vectors.sections("genesis.txt").get("");
        assertThat(p.get("genesis_id_compiled"))
                .isEqualTo(Network.TESTNET.genesisId().hex());
        assertThat(p.get("genesis_id_recomputed"))
                .isEqualTo(Network.TESTNET.genesisId().hex());
        // The whole BLOCK packet: le32 len, le32 type 8, le32 err 0, then the block.
        byte[] block = BlockCodec.encode(Network.TESTNET.genesis());
        byte[] pkt = new ByteWriter()
                .u32(12 + block.length)
                .u32(8)
                .u32(0)
                .bytes(block)
                .toByteArray();
        assertThat(Hex.encode(pkt)).isEqualTo(p.get("genesis_pkt_block"));
        assertThat(pkt).isEqualTo(Vectors.bytes("genesis_pkt_block.bin"));
    }

    @Test
    void genesisFieldsFollowMkgenesis() {
        Block g = Network.TESTNET.genesis();
        assertThat(g.header().nonce2().hex()).isEqualTo("757341726162656c6c416c6578"); // "usArabellAlex"
        assertThat(g.tailer().nonce1()).isEqualTo(1668440397L); // "Marc" as le32
        assertThat(Hex.encode(BlockCodec.encodeTailer(g.tailer()))).isEqualTo("61ddbc53c4ff3b1d4d617263");
        assertThat(g.merkles()).containsOnly(MerkleTree.EMPTY_SHARD_ROOT);
        assertThat(BlockIds.hashOfMerkles(g).hex())
                .isEqualTo("cdfbfabd10bb4742179368eabc91c89b4932c071adf659ec4301db8c269a87c1");
        assertThat(Sha256.doubleSha256(new byte[0]).hex())
                .isEqualTo("5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456");
        // Genesis is canned: it does not meet its own target.
        assertThat(Difficulty.beatsTarget(
                        Network.TESTNET.genesisId(), g.tailer().difficulty()))
                .isFalse();
    }

    @Test
    void regtestGenesisIsMkgenesisOfItsPreset() {
        Block g = Network.REGTEST.genesis();
        assertThat(g).isEqualTo(Genesis.make(0x1fffffffL, 1764000000L, "PettycoinRegtest!"));
        assertThat(g.tailer().difficulty()).isEqualTo(0x1fffffffL);
        assertThat(g.header().nonce2().hex())
                .isEqualTo(Hex.encode("ycoinRegtest!".getBytes(StandardCharsets.US_ASCII)));
        assertThat(Network.REGTEST.genesisId()).isEqualTo(BlockIds.id(g)).isNotEqualTo(Hash256.fromHex(TESTNET_ID));
        assertThat(Network.REGTEST.genesisId().hex())
                .isEqualTo(BlockIds.id(Genesis.make(0x1fffffffL, 1764000000L, "PettycoinRegtest!"))
                        .hex());
    }

    @Test
    void nonceMustBeSeventeenBytes() {
        assertThatThrownBy(() -> Genesis.make(0x1d3bffc4L, 0, "short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("17 bytes");
    }

    @Test
    void networkNamesParse() {
        assertThat(Network.fromName("TestNet")).isEqualTo(Network.TESTNET);
        assertThat(Network.fromName("regtest")).isEqualTo(Network.REGTEST);
        assertThatThrownBy(() -> Network.fromName("mainnet")).hasMessageContaining("unknown network");
    }
}
