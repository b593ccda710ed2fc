package org.gridlink.residents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded table row by row without holding it in memory: CSV in UTF-8 (with or without byte order mark)
 * or GB18030/GBK, or the first sheet of an Excel workbook (.xlsx, read as a SAX stream). Row numbers are the
 * spreadsheet's (first row 1). Anything else (images, archives, old .xls) is {@link NotATable}.
 */
final class ImportFile {

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** Receives the rows in order; the first non-blank one is the header. */
	interface RowSink {
		void row(long number, List<String> cells);
	}

	/** The file is not a table we can read; {@link #messageKey()} says why. */
	static final class NotATable extends RuntimeException {

		private final String messageKey;

		NotATable(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}
	}

	private ImportFile() {
	}

	/** Checks quickly that the bytes look like a CSV text or an .xlsx workbook. */
	static void sniff(byte[] bytes) {
		if (bytes.length == 0) {
			throw new NotATable("imports.file.empty");
		}
		if (isZip(bytes)) {
			return;
		}
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
				&& (bytes[3] & 0xFF) == 0xE0) {
			throw new NotATable("imports.file.xls");
		}
		for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
			if (bytes[i] == 0) {
				throw new NotATable("imports.file.notTable");
			}
		}
	}

	static void read(byte[] bytes, RowSink sink) {
		sniff(bytes);
		if (isZip(bytes)) {
			try {
				readXlsx(bytes, sink);
			}
			catch (RowSinkFailure failure) {
				throw (RuntimeException) failure.getCause();
			}
		}
		else {
			readCsv(bytes, sink);
		}
	}

	/** Data rows of a CSV file estimated from its non-empty lines (minus the header); null for a workbook. */
	static @org.jspecify.annotations.Nullable Integer estimateRows(byte[] bytes) {
		if (isZip(bytes)) {
			return null;
		}
		int lines = 0;
		boolean content = false;
		for (byte b : bytes) {
			if (b == '\n') {
				lines += content ? 1 : 0;
				content = false;
			}
			else if (b != '\r' && b != ' ' && b != ',') {
				content = true;
			}
		}
		lines += content ? 1 : 0;
		return Math.max(0, lines - 1);
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	static void readCsv(byte[] bytes, RowSink sink) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		Charset charset = isUtf8(bytes, start) ? StandardCharsets.UTF_8 : GB18030;
		Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), charset);
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get()
				.parse(reader)) {
			for (CSVRecord record : parser) {
				sink.row(record.getRecordNumber(), record.toList());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new NotATable("imports.file.csvBroken");
		}
	}

	/** True when the whole content decodes as UTF-8 (checked in chunks, nothing kept). */
	private static boolean isUtf8(byte[] bytes, int start) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				return false;
			}
			if (result.isUnderflow()) {
				return !decoder.flush(out).isError();
			}
			out.clear();
		}
	}

	private static void readXlsx(byte[] bytes, RowSink sink) {
		try (InputStream in = new ByteArrayInputStream(bytes); OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new NotATable("imports.file.notTable");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
						new Rows(sink), new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (NotATable | RowSinkFailure ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (ex.getCause() instanceof RowSinkFailure failure) {
				throw failure;
			}
			throw new NotATable("imports.file.notTable");
		}
		catch (IOException | SAXException | ParserConfigurationException | org.apache.poi.openxml4j.exceptions.OpenXML4JException ex) {
			if (ex.getCause() instanceof RowSinkFailure failure) {
				throw failure;
			}
			throw new NotATable("imports.file.notTable");
		}
	}

	/** Wraps an exception of the sink so that it is not taken for a broken workbook. */
	static final class RowSinkFailure extends RuntimeException {
		RowSinkFailure(RuntimeException cause) {
			super(cause);
		}
	}

	/** Collects the cells of each sheet row, filling skipped (empty) cells. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		/** Excel's last column, XFD. */
		private static final int MAX_COLUMNS = 16384;

		private final RowSink sink;
		private final List<String> cells = new ArrayList<>();
		private long number;

		Rows(RowSink sink) {
			this.sink = sink;
		}

		@Override
		public void startRow(int rowNum) {
			number = rowNum + 1L;
			cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			try {
				sink.row(number, List.copyOf(cells));
			}
			catch (RuntimeException ex) {
				throw new RowSinkFailure(ex);
			}
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = cellReference == null ? cells.size() : columnIndex(cellReference);
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(formattedValue == null ? "" : formattedValue.trim());
		}

		/**
		 * The 0-based column of a reference such as {@code AB12}; a column beyond Excel's last ({@code XFD}) or a
		 * letter outside A–Z makes the workbook {@link NotATable} (found by fuzzing: {@code ZZZZZZZ1} made the reader
		 * fill hundreds of millions of empty cells).
		 */
		private static int columnIndex(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
				char letter = Character.toUpperCase(reference.charAt(i));
				if (letter < 'A' || letter > 'Z' || column > MAX_COLUMNS) {
					throw new NotATable("imports.file.notTable");
				}
				column = column * 26 + (letter - 'A' + 1);
			}
			if (column > MAX_COLUMNS) {
				throw new NotATable("imports.file.notTable");
			}
			return column - 1;
		}
	}
}
