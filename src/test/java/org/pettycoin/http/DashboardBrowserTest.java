package org.pettycoin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.daemon.Node;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.NodeProcess;
import org.pettycoin.testing.ShortTempDir;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.time.MockTimeClock;

/**
 * The dashboard in a real browser: a 3-node {@code pettycoin devnet} runs in its own process, a
 * node of the test's own mines a branch of three and joins node1, and headless Chromium (Debian's,
 * through Selenium) loads node1's page and sees that branch drawn beside the main chain, the heads
 * marked and the peers listed, live; then it saves a screenshot ({@code target/browser/dashboard.png}).
 * Run with {@code mvn -B test -Pbrowser}, which installs chromium and chromium-driver if missing.
 */
@Tag("browser")
@Timeout(300)
class DashboardBrowserTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern DASHBOARD = Pattern.compile("node1  dashboard at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern PEER_PORT = Pattern.compile("node1  port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A vote no devnet miner casts, so the branch's blocks are its own. */
    private static final int OTHER_VOTE = 0x80;

    @TempDir
    Path dir;

    @Test
    void aDevnetsForkAndPeersAreDrawnLive() throws Exception {
        try (ShortTempDir net = ShortTempDir.create("br");
                NodeProcess devnet = NodeProcess.run(
                        dir.resolve("devnet.log"),
                        List.of("-Xmx512m"),
                        "devnet",
                        "--nodes",
                        "3",
                        "--dir",
                        net.path().toString(),
                        "--block-pause",
                        "3",
                        "--timeout",
                        "280");
                TestNodes mine = new TestNodes(dir.resolve("outsider"), MockTimeClock.system())) {
            String out = devnet.await("node3  dashboard at", LIMIT);
            String page = group(DASHBOARD, out);
            int node1 = Integer.parseInt(group(PEER_PORT, out));
            Await.until("the devnet's chain is 5 high", LIMIT, () -> height(page) >= 5);

            // A branch of three from genesis, with less work than the devnet's chain: a side branch.
            Node outsider = mine.start("outsider");
            BlockNode tip = TestNodes.mine(outsider, 3, OTHER_VOTE);
            Set<String> branch = new HashSet<>();
            for (Optional<BlockNode> b = Optional.of(tip);
                    b.get().height() > 0;
                    b = b.get().parent()) {
                branch.add(b.get().id().hex());
            }
            outsider.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), node1));

            WebDriver browser = chromium();
            try {
                browser.get(page);
                Await.until(
                        "the page shows the outsider's branch",
                        LIMIT,
                        () -> sideIds(browser).containsAll(branch));
                assertThat(height(page))
                        .as("the branch is still inside the drawn heights")
                        .isLessThan(100);
                Await.until(
                        "the page hears the live stream",
                        LIMIT,
                        () -> browser.findElement(By.id("live")).getText().equals("live"));
                assertThat(browser.findElements(By.cssSelector("#tree rect.block.main")))
                        .hasSizeGreaterThanOrEqualTo(6);
                assertThat(browser.findElements(By.cssSelector("#tree text.head[data-head='preferred']")))
                        .hasSize(1);
                for (WebElement side : browser.findElements(By.cssSelector("#tree rect.block.side"))) {
                    assertThat(side.getAttribute("data-state")).isEqualTo("side");
                }
                Await.until(
                        "three Java peers are listed: node2, node3 and the outsider",
                        LIMIT,
                        () -> peerRows(browser) == 3);
                assertThat(browser.findElements(By.cssSelector("#peers tbody tr td:nth-child(4)")))
                        .extracting(WebElement::getText)
                        .containsOnly("Java");
                assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("node1");
                assertThat(browser.findElement(By.id("miner")).getText()).endsWith("H/s");

                // Live: the page follows the chain without a reload.
                long shown = Long.parseLong(
                        browser.findElement(By.id("heads")).getText().replace("height ", ""));
                Await.until(
                        "the page shows a higher head",
                        LIMIT,
                        () -> Long.parseLong(browser.findElement(By.id("heads"))
                                        .getText()
                                        .replace("height ", ""))
                                > shown);
                assertThat(browser.findElements(By.cssSelector("#log span"))).isNotEmpty();

                Path shot = Path.of("target", "browser", "dashboard.png");
                Files.createDirectories(shot.getParent());
                byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(shot, png);
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            } finally {
                browser.quit();
            }
            assertThat(devnet.stop(Duration.ofSeconds(30)))
                    .as("the devnet stops on SIGTERM")
                    .isTrue();
        }
    }

    /** Headless Debian Chromium through its chromedriver, found on the PATH (never downloaded). */
    private static WebDriver chromium() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(onPath("chromium").toString());
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1400,1100",
                "--user-data-dir=" + uniqueProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(onPath("chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, o);
    }

    private static String uniqueProfile() {
        try {
            return Files.createTempDirectory("pettycoin-chromium").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path onPath(String program) {
        for (String d : (Iterable<String>) Pattern.compile(Pattern.quote(File.pathSeparator))
                .splitAsStream(System.getenv().getOrDefault("PATH", ""))::iterator) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(program + " is not on the PATH: run the browser tests with mvn -B test -Pbrowser, "
                + "which installs Debian's chromium and chromium-driver");
    }

    private static Set<String> sideIds(WebDriver browser) {
        Set<String> ids = new HashSet<>();
        for (WebElement e : browser.findElements(By.cssSelector("#tree rect.block.side"))) {
            ids.add(e.getAttribute("data-id"));
        }
        return ids;
    }

    private static int peerRows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#peers tbody tr")).size();
    }

    private static long height(String page) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(page + "api/dashboard"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode d = JSON.readTree(r.body());
        return d.get("heads").get("longest_height").asLong();
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + p + " in:\n" + text);
        }
        return m.group(1);
    }
}
