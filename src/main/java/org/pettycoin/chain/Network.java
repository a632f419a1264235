package org.pettycoin.chain;

import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;

/**
 * The two networks we run (the README's Networks table). They differ only in the genesis block: target time, horizon
 * and retarget rules are the C node's test-network ones for both (the C daemon always runs as
 * testnet: pettycoin.c's main calls new_state(true)).
 */
public enum Network {
    /** The original test network; genesis identical to the C node's. */
    TESTNET("testnet", 0x1d3bffc4L, 1404886369L, "MarcusArabellAlex"),
    /** Same protocol with a genesis of about 256 hashes per block, for tests and local networks. */
    REGTEST("regtest", 0x1fffffffL, 1764000000L, "PettycoinRegtest!");

    /** PROTOCOL_BLOCK_TARGET_TIME on the test network, seconds. */
    public static final long BLOCK_TARGET_TIME_SECS = 10;
    /** PROTOCOL_TX_HORIZON_SECS on the test network: 3 days. */
    public static final long TX_HORIZON_SECS = 259200;
    /** PROTOCOL_DIFFICULTY_UPDATE_BLOCKS. */
    public static final int DIFFICULTY_UPDATE_BLOCKS = 2016;

    private final String cliName;
    private final long genesisDifficulty;
    private final long genesisTimestamp;
    private final String genesisNonce;
    // Both are immutable values: the codec copies bytes in and out and nothing exposes them for writing.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Block genesis;

    @SuppressWarnings("ImmutableEnumChecker")
    private final Hash256 genesisId;

    Network(String cliName, long difficulty, long timestamp, String nonce) {
        this.cliName = cliName;
        this.genesisDifficulty = difficulty;
        this.genesisTimestamp = timestamp;
        this.genesisNonce = nonce;
        this.genesis = Genesis.make(difficulty, timestamp, nonce);
        this.genesisId = BlockIds.id(genesis);
    }

    /** The name used on command lines ({@code --network testnet}). */
    public String cliName() {
        return cliName;
    }

    public Block genesis() {
        return genesis;
    }

    public Hash256 genesisId() {
        return genesisId;
    }

    public long genesisDifficulty() {
        return genesisDifficulty;
    }

    public long genesisTimestamp() {
        return genesisTimestamp;
    }

    public String genesisNonce() {
        return genesisNonce;
    }

    /** Parses a command-line name, case-insensitively. */
    public static Network fromName(String name) {
        for (Network n : values()) {
            if (n.cliName.equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "' (expected testnet or regtest)");
    }
}
