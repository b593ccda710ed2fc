package org.gridlink.passes;

import java.io.ByteArrayOutputStream;

import org.gridlink.passes.token.Base45;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

/** Test codes made by hand: a real code's parts with another algorithm number in the protected header. */
final class Tokens {

	private static final CBORMapper CBOR = new CBORMapper();

	private Tokens() {
	}

	static String withAlgorithm(String code, long algorithm) {
		byte[] cose = Base45.decode(code.substring(4));
		JsonNode root = CBOR.readTree(cose, 1, cose.length - 1);
		JsonNode header = CBOR.readTree(root.get(0).binaryValue());
		byte[] protectedHeader = write(g -> {
			g.writeStartObject(null, 2);
			g.writePropertyId(1);
			g.writeNumber(algorithm);
			g.writePropertyId(4);
			g.writeBinary(header.get("4").binaryValue());
			g.writeEndObject();
		});
		return "GL1:" + Base45.encode(write(g -> {
			g.writeTag(18);
			g.writeStartArray(null, 4);
			g.writeBinary(protectedHeader);
			g.writeStartObject(null, 0);
			g.writeEndObject();
			g.writeBinary(root.get(2).binaryValue());
			g.writeBinary(root.get(3).binaryValue());
			g.writeEndArray();
		}));
	}

	/** The code with one byte of its binary form changed. */
	static String flip(String code, int index) {
		byte[] cose = Base45.decode(code.substring(4));
		cose[index] ^= 0x40;
		return "GL1:" + Base45.encode(cose);
	}

	private interface Writer {
		void write(CBORGenerator g);
	}

	private static byte[] write(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CBORGenerator g = (CBORGenerator) CBOR.createGenerator(out)) {
			writer.write(g);
		}
		return out.toByteArray();
	}
}
