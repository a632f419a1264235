package org.pettycoin.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, and no arrow runs back up: each package may use only those below it
 * (README's Layout table lists them from the bottom up). Main code only; tests may reach anywhere.
 */
class LayeringTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pettycoin");
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        ArchRule layers = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("protocol")
                .definedBy("org.pettycoin.protocol..")
                .layer("crypto")
                .definedBy("org.pettycoin.crypto..")
                .layer("time")
                .definedBy("org.pettycoin.time..")
                .layer("chain")
                .definedBy("org.pettycoin.chain..")
                .layer("consensus")
                .definedBy("org.pettycoin.consensus..")
                .layer("store")
                .definedBy("org.pettycoin.store..")
                .layer("node")
                .definedBy("org.pettycoin.node..")
                .layer("net")
                .definedBy("org.pettycoin.net..")
                .layer("mining")
                .definedBy("org.pettycoin.mining..")
                .layer("rpc")
                .definedBy("org.pettycoin.rpc..")
                .layer("cli")
                .definedBy("org.pettycoin.cli..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("rpc")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("mining")
                .mayOnlyBeAccessedByLayers("rpc", "cli")
                .whereLayer("net")
                .mayOnlyBeAccessedByLayers("rpc", "cli")
                .whereLayer("node")
                .mayOnlyBeAccessedByLayers("net", "mining", "rpc", "cli")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("node", "net", "mining", "rpc", "cli")
                .whereLayer("consensus")
                .mayOnlyBeAccessedByLayers("node", "net", "mining", "rpc", "cli")
                .whereLayer("chain")
                .mayOnlyBeAccessedByLayers("consensus", "node", "net", "mining", "rpc", "cli")
                .whereLayer("time")
                .mayOnlyBeAccessedByLayers("chain", "consensus", "store", "node", "net", "mining", "rpc", "cli")
                .whereLayer("crypto")
                .mayOnlyBeAccessedByLayers("chain", "consensus", "store", "node", "net", "mining", "rpc", "cli");
        layers.check(main);
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().matching("org.pettycoin.(*)..").should().beFreeOfCycles().check(main);
    }
}
