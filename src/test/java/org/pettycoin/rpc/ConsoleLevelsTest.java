package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Once the loggers hear everything for the ring, the console still shows each subsystem's level. */
class ConsoleLevelsTest {
    @Test
    void theNearestNamedParentDecides() {
        ConsoleLevels c = new ConsoleLevels(
                Level.INFO, Map.of("org.pettycoin.net", Level.INFO, "org.pettycoin.net.BlockSync", Level.DEBUG));
        assertThat(c.threshold("org.pettycoin.net.BlockSync")).isEqualTo(Level.DEBUG);
        assertThat(c.threshold("org.pettycoin.net.PeerNetwork")).isEqualTo(Level.INFO);
        assertThat(c.threshold("org.pettycoin.store.Blockfile")).isEqualTo(Level.INFO);
    }
}
