package dev.mano.vim;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Optional;

/**
 * DOM reading and writing for libvirt's XML documents. Parsing refuses DTDs and external entities:
 * documents come from remote hosts and from files a user points us at.
 */
public final class Xml {
    private Xml() {
    }

    // A factory lookup costs milliseconds; builders and transformers are not thread-safe. Pooled, not per thread:
    // operations run on virtual threads, each new, so a ThreadLocal made one per call (8% of the orchestrator's CPU
    // in bench/nslcm).
    private static final Queue<DocumentBuilder> BUILDERS = new ConcurrentLinkedQueue<>();
    private static final Queue<Transformer> TRANSFORMERS = new ConcurrentLinkedQueue<>();
    private static final int POOLED = 16;

    public static Document parse(String xml, String what) throws VimException {
        DocumentBuilder builder = builder();
        try {
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new VimException("cannot parse " + what + ": " + e.getMessage(), e);
        } finally {
            giveBack(builder);
        }
    }

    public static Document newDocument() {
        DocumentBuilder builder = builder();
        try {
            return builder.newDocument();
        } finally {
            giveBack(builder);
        }
    }

    private static DocumentBuilder builder() {
        DocumentBuilder pooled = BUILDERS.poll();
        if (pooled != null) {
            return pooled;
        }
        try {
            return newBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static void giveBack(DocumentBuilder builder) {
        builder.reset();
        if (BUILDERS.size() < POOLED) {
            BUILDERS.offer(builder);
        }
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    public static String write(Document document) {
        try {
            StringWriter out = new StringWriter();
            Transformer transformer = Objects.requireNonNullElseGet(TRANSFORMERS.poll(), Xml::newTransformer);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            if (TRANSFORMERS.size() < POOLED) {
                TRANSFORMERS.offer(transformer);
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize a DOM document we built ourselves", e);
        }
    }

    private static Transformer newTransformer() {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            return transformer;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XML serializer is unavailable", e);
        }
    }

    /** Direct child elements with the given local name (namespace ignored). */
    public static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                result.add(e);
            }
        }
        return result;
    }

    public static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Follows a path of child names, e.g. {@code path(root, "host", "topology", "cells")}. */
    public static Optional<Element> path(Element from, String... names) {
        Optional<Element> current = Optional.of(from);
        for (String name : names) {
            current = current.flatMap(e -> child(e, name));
        }
        return current;
    }

    public static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** Appends a child element and returns it. */
    public static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    /** Appends a child element with text content (escaped by the DOM serializer) and returns it. */
    public static Element add(Element parent, String name, String text) {
        Element child = add(parent, name);
        child.setTextContent(text);
        return child;
    }
}
