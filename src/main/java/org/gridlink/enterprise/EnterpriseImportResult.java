package org.gridlink.enterprise;

import java.util.List;

/**
 * What an import did: data rows read, enterprises registered and updated, and one line per problem (row 0 is the
 * file as a whole, 1 the header). A row with any problem is not imported; the others are.
 */
public record EnterpriseImportResult(int processed, int created, int updated, List<Problem> problems) {

	/** One problem: the spreadsheet row, the column (its Chinese header), the value as given and the reason. */
	public record Problem(long row, String column, String value, String message) {
	}

	public int rejected() {
		return processed - created - updated;
	}

	public boolean fileRejected() {
		return processed == 0 && !problems.isEmpty();
	}
}
