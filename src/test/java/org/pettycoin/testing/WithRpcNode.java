package org.pettycoin.testing;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For test classes whose every test talks to a fresh regtest {@link RpcTestNode} {@link #n}. */
public abstract class WithRpcNode {
    /** This test's node: started before it, closed after it. */
    protected RpcTestNode n;

    @BeforeEach
    protected void startRpcNode() throws IOException {
        n = RpcTestNode.start();
    }

    @AfterEach
    protected void closeRpcNode() {
        n.close();
    }
}
