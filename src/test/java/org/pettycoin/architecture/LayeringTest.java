package org.pettycoin.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, and no arrow runs back up: each package may use only those below it
 * (README's Layout table lists them from the bottom up). Main code only; tests may reach anywhere.
 */
class LayeringTest {
    /** Bottom first: each may be used only by those after it. */
    static final List<String> LAYERS = List.of(
            "protocol",
            "crypto",
            "time",
            "chain",
            "consensus",
            "store",
            "chainstate",
            "transport",
            "net",
            "mining",
            "daemon",
            "rpc",
            "http",
            "bench",
            "cli");

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pettycoin");
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String l : LAYERS) {
            layers = layers.layer(l).definedBy("org.pettycoin." + l + "..");
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size());
            layers = above.isEmpty()
                    ? layers.whereLayer(LAYERS.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        layers.check(main);
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().matching("org.pettycoin.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void everyPackageIsALayer() {
        main.stream()
                .map(c -> topPackage(c.getPackageName()))
                .filter(p -> !p.isEmpty())
                .distinct()
                .forEach(p -> assertThat(LAYERS)
                        .as("package %s has a place in the layers", p)
                        .contains(p));
    }

    /** {@code org.pettycoin.net.x} → {@code net}; the base package itself → "". */
    private static String topPackage(String name) {
        String rest = name.startsWith("org.pettycoin.") ? name.substring("org.pettycoin.".length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
