package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An application that depends on paperclip-migrate as a library keeps its own logging: the one SLF4J
 * binding declared here (slf4j-simple, for the executable jar, which the shade plugin fills from
 * compile and runtime scope including optional dependencies) is optional, so Maven never passes it on.
 * What arrives transitively is checked by the build's enforcer rule no-slf4j-binding; that the shaded
 * jar logs through slf4j-simple is shown by {@code ExecutableJarIT}.
 */
class PublishedPomTest {

    private static final Set<String> BINDINGS = Set.of("slf4j-simple", "slf4j-nop", "slf4j-jdk14", "slf4j-reload4j",
            "slf4j-log4j12", "logback-classic", "log4j-slf4j2-impl", "log4j-slf4j-impl");

    @Test
    void everySlf4jBindingDeclaredHereIsOptionalOrForTestsOnly() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        Element dependencies = (Element) project.getElementsByTagName("dependencies").item(0);
        NodeList list = dependencies.getElementsByTagName("dependency");
        List<String> bindings = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element dependency = (Element) list.item(i);
            String artifact = child(dependency, "artifactId");
            if (BINDINGS.contains(artifact)) {
                bindings.add(artifact + " scope=" + child(dependency, "scope") + " optional=" + child(dependency, "optional"));
            }
        }

        assertThat(bindings).containsExactly("slf4j-simple scope=null optional=true");
    }

    private static String child(Element element, String name) {
        NodeList nodes = element.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
