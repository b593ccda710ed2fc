package org.gridlink.admin;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Units, staff and their assignments through the admin pages; every change audited. */
@WebTest
class OrganizationAdminTest {

	static final String PASSWORD = "Start2026go";
	static final String GRID_A = "320819001002001";
	static final String GRID_B = "320819001002002";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Organization organization;

	@Autowired
	AuditTrail audit;

	@Test
	void assigningAGridWorkerToTwoGridsChangesTheirAccountScope() throws Exception {
		String username = account(Role.GRID_WORKER);
		long staff = createStaff("网格员测试", "GRID_WORKER", "", username);

		mvc.perform(post("/admin/staff/{id}/grids", staff).param("codes", GRID_A + "\n" + GRID_B).with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flash"));

		mvc.perform(get("/api/v1/me").with(Demo.as(username))).andExpect(status().isOk())
				.andExpect(jsonPath("$.scope", containsInAnyOrder(GRID_A, GRID_B)));
		assertThat(organization.staffMember(staff).assignments()).containsExactly(GRID_A, GRID_B);
		assertAudited("STAFF_CREATE", String.valueOf(staff));
		assertAudited("ASSIGN_GRIDS", String.valueOf(staff));
		assertAudited("USER_SCOPE", username);
	}

	@Test
	void aCodeThatIsNotAGridComesBackWithTheMessageAndWhatWasTyped() throws Exception {
		long staff = createStaff("网格员错码", "GRID_WORKER", "", "");
		String typed = GRID_A + "\n" + Demo.COMMUNITY1;
		String html = mvc.perform(post("/admin/staff/{id}/grids", staff).param("codes", typed).param("lang", "en")
				.with(csrf()).with(Demo.as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();

		assertThat(html).contains("id=\"error-summary\"", "id=\"codes-error\"", typed + "</textarea>",
				"Jurisdiction " + Demo.COMMUNITY1 + " is not at level GRID");
		assertThat(organization.staffMember(staff).assignments()).isEmpty();
	}

	@Test
	void anOfficerGetsPoliceGridsAndTheirLinkedGridsAsScope() throws Exception {
		String username = account(Role.POLICE);
		long staff = createStaff("民警测试", "OFFICER", "9", username);

		mvc.perform(post("/admin/staff/{id}/police-grids", staff).param("codes", "JG320819001002").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());

		mvc.perform(get("/api/v1/me").with(Demo.as(username))).andExpect(status().isOk())
				.andExpect(jsonPath("$.scope", hasSize(13)));
		assertAudited("ASSIGN_POLICE_GRIDS", String.valueOf(staff));
	}

	@Test
	void cadresArePostedToCommunitiesSharedWithOthersAndRemoved() throws Exception {
		long first = createStaff("干部甲", "CADRE", "2", "");
		long second = createStaff("干部乙", "CADRE", "3", "");
		for (long cadre : new long[] { first, second }) {
			mvc.perform(post("/admin/staff/{id}/posts", cadre).param("community", Demo.COMMUNITY1).param("unitId", "")
					.with(csrf()).with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		}
		assertThat(organization.postsOf(first)).singleElement()
				.satisfies(p -> assertThat(p.unitName()).isEqualTo("区城市管理局"));
		assertThat(organization.posts(Demo.COMMUNITY1)).extracting(p -> p.cadre()).contains("干部甲", "干部乙");

		long post = organization.postsOf(first).get(0).id();
		mvc.perform(get("/admin/staff/{id}", first).with(Demo.as("admin"))).andExpect(status().isOk());
		mvc.perform(post("/admin/staff/{id}/posts/{post}/remove", first, post).with(csrf()).with(Demo.as("admin")))
				.andExpect(status().is3xxRedirection());
		assertThat(organization.postsOf(first)).isEmpty();
		assertThat(organization.postsOf(second)).hasSize(1);
		assertAudited("POST_CREATE", String.valueOf(first));
		assertAudited("POST_REMOVE", String.valueOf(post));
	}

	@Test
	void staffAreDeactivatedAndActivated() throws Exception {
		long staff = createStaff("其他人员", "OTHER", "", "");
		mvc.perform(post("/admin/staff/{id}/active", staff).param("active", "false").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(organization.staffMember(staff).active()).isFalse();
		mvc.perform(post("/admin/staff/{id}/active", staff).param("active", "true").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(organization.staffMember(staff).active()).isTrue();
		assertAudited("STAFF_DEACTIVATE", String.valueOf(staff));
		assertAudited("STAFF_ACTIVATE", String.valueOf(staff));
	}

	@Test
	void creatingStaffWithAnUnknownAccountKeepsTheFormAndNamesTheField() throws Exception {
		String html = mvc.perform(post("/admin/staff").param("name", "无账户").param("kind", "GRID_WORKER")
				.param("unitId", "").param("companyId", "").param("username", "no-such-user-x").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"username-error\"", "value=\"无账户\"", "value=\"no-such-user-x\"");
	}

	@Test
	void unitsAreCreatedAndADuplicateCodeIsRefusedNextToTheField() throws Exception {
		String code = Unique.name("U").toUpperCase();
		mvc.perform(post("/admin/units").param("code", code).param("name", "测试局").param("kind", "DEPARTMENT")
				.with(csrf()).with(Demo.as("admin"))).andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flash"));
		String html = mvc.perform(post("/admin/units").param("code", code).param("name", "另一个局")
				.param("kind", "DEPARTMENT").with(csrf()).with(Demo.as("admin"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("id=\"code-error\"", "value=\"另一个局\"");
		assertThat(organization.units(code, PageRequest.of(0, 5)).getContent()).singleElement()
				.satisfies(u -> assertThat(u.name()).isEqualTo("测试局"));
		assertAudited("UNIT_CREATE", code);
	}

	@Test
	void theCompanyOfACompoundIsChanged() throws Exception {
		String html = mvc.perform(get("/admin/compounds").param("under", Demo.GRID1).with(Demo.as("admin")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher row = Pattern.compile("id=\"compound-(\\d+)\"").matcher(html);
		assertThat(row.find()).isTrue();
		long compound = Long.parseLong(row.group(1));
		Long before = organization.compoundsUnder(Demo.GRID1, PageRequest.of(0, 50)).getContent().get(0).companyId();

		mvc.perform(post("/admin/compounds/{id}/company", compound).param("companyId", "7").param("under", Demo.GRID1)
				.with(csrf()).with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(organization.compoundsUnder(Demo.GRID1, PageRequest.of(0, 50)).getContent().get(0).companyId())
				.isEqualTo(7L);
		assertAudited("ASSIGN_COMPANY", String.valueOf(compound));

		organization.assignCompany(compound, before);
	}

	/** A new account with the test password; returns its username. */
	private String account(Role role) {
		String username = Unique.name("stf");
		accounts.create(new NewAccount(username, "测试", PASSWORD, Set.of(role), Set.of(), null));
		return username;
	}

	/** Creates a staff member through the form; returns their id. */
	private long createStaff(String name, String kind, String unitId, String username) throws Exception {
		String location = mvc.perform(post("/admin/staff").param("name", name).param("kind", kind)
				.param("unitId", unitId).param("companyId", "").param("username", username).with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		assertThat(location).startsWith("/admin/staff/");
		return Long.parseLong(location.substring("/admin/staff/".length()));
	}

	private void assertAudited(String action, String subject) {
		assertThat(audit.search(new AuditQuery("admin", action, subject, AuditTrail.SUCCESS, null, null, null),
				PageRequest.of(0, 50)).getContent()).as(action + " " + subject)
				.anySatisfy(e -> assertThat(e.subject()).isEqualTo(subject));
	}
}
