package org.gridlink.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Separation of duties: only auditors read the audit trail, and they cannot administer users. */
@WebTest
class AuditPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Test
	void theAdminCannotReadTheAuditTrailAndTheAuditorCannotAdministerUsers() throws Exception {
		mvc.perform(get("/audit").with(Demo.as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/audit/export.csv").with(Demo.as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(Demo.as("auditor"))).andExpect(status().isOk());
		mvc.perform(get("/admin/users").with(Demo.as("auditor"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/staff").with(Demo.as("auditor"))).andExpect(status().isForbidden());

		assertThat(audit.search(new AuditQuery("admin", "ACCESS_DENIED", "GET /audit", AuditTrail.DENIED, null, null,
				null), PageRequest.of(0, 1)).getTotalElements()).isPositive();
	}

	@Test
	void filtersShowDistrictTimeAndExportTheSameEntriesAsCsv() throws Exception {
		String subject = Unique.name("sub");
		audit.recordAs("inspector1", "TEST_MARK", "test", subject, AuditTrail.FAILURE, "=HYPERLINK(\"x\")");
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		String page = mvc.perform(get("/audit").param("subject", subject).param("outcome", "FAILURE")
				.param("from", today).param("to", today).with(Demo.as("auditor"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(subject, "TEST_MARK", "inspector1").containsPattern(today + " \\d{2}:\\d{2}<");
		assertThat(page).contains("export.csv?username=&amp;action=&amp;subject=" + subject);

		String csv = mvc.perform(get("/audit/export.csv").param("subject", subject).with(Demo.as("auditor")))
				.andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		assertThat(csv.lines()).hasSize(2);
		assertThat(csv).contains(subject, "inspector1", "'=HYPERLINK");
		assertThat(audit.search(new AuditQuery("auditor", "AUDIT_EXPORT", null, null, null, null, null),
				PageRequest.of(0, 1)).getTotalElements()).isPositive();
	}

	@Test
	void aDateThatDoesNotParseIsShownNextToItsFieldNotAsAnError() throws Exception {
		String page = mvc.perform(get("/audit").param("from", "2026-02-30").param("lang", "en")
				.with(Demo.as("auditor"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"error-summary\"", "id=\"from-error\"", "value=\"2026-02-30\"");
	}
}
