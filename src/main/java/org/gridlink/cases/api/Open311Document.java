package org.gridlink.cases.api;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * One GeoReport v2 answer, written as XML or as JSON from the same tree (the spec's "Spark convention": an element
 * with repeated children becomes an array, other elements become fields). Nodes: an ordered map of fields, a
 * {@link Repeated} list (the XML item element's name and the items), or a value (text, number, boolean, null).
 */
final class Open311Document {

	/** A list: in XML each item is wrapped in {@code item}, in JSON it is an array. */
	record Repeated(String item, List<?> items) {
	}

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Open311Document() {
	}

	static Map<String, @Nullable Object> fields() {
		return new LinkedHashMap<>();
	}

	/** XML with the declaration, no namespace, UTF-8. */
	static String xml(String root, Object content) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			element(xml, root, content);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter xml, String name, @Nullable Object value) throws XMLStreamException {
		if (value == null || (value instanceof String s && s.isEmpty())) {
			xml.writeEmptyElement(name);
			return;
		}
		xml.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				element(xml, (String) e.getKey(), e.getValue());
			}
		}
		else if (value instanceof Repeated list) {
			for (Object item : list.items()) {
				element(xml, list.item(), item);
			}
		}
		else {
			xml.writeCharacters(clean(String.valueOf(value)));
		}
		xml.writeEndElement();
	}

	/** Leaves out the characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
	static String clean(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
				|| (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
		return out.toString();
	}

	static String json(JsonMapper mapper, Object content) {
		return mapper.writeValueAsString(plain(content));
	}

	private static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put((String) k, plain(v)));
			return out;
		}
		if (value instanceof Repeated list) {
			List<@Nullable Object> out = new ArrayList<>();
			list.items().forEach(i -> out.add(plain(i)));
			return out;
		}
		return value;
	}
}
