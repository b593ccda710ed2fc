package org.gridlink.passes;

import java.util.Locale;
import java.util.UUID;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.springframework.stereotype.Service;

/** The printable pass (PDF, see {@link PassPdf}) for issuers whose scope reaches one of its zones; printing is audited. */
@Service
public class PassPrints {

	private final Passes passes;
	private final PassPdf pdf;
	private final AuditTrail audit;

	PassPrints(Passes passes, PassPdf pdf, AuditTrail audit) {
		this.passes = passes;
		this.pdf = pdf;
		this.audit = audit;
	}

	public byte[] pdf(CurrentUser user, UUID id, Locale locale) {
		byte[] document = pdf.render(passes.get(user, id), locale);
		audit.record("PASS_PRINT", "pass", id.toString(), AuditTrail.SUCCESS, "");
		return document;
	}

	public static String fileName(UUID id) {
		return "pass-" + id + ".pdf";
	}
}
