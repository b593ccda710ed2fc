package org.gridlink.mobilization.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Volunteers: registration (consent required, phone sealed and masked), the community's decision, scope per role,
 * the audited reveal, tasks signed up for once, full tasks refused, hours adding up per person and per branch, the
 * duty badge (a volunteer who left or a revoked badge no longer verifies), the certificate, bad input on every path.
 */
@WebTest
class VolunteersTest {

	static final String OTHER_COMMUNITY = "320819002001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Volunteers volunteers;

	@Autowired
	DutyBadges badges;

	@Autowired
	Accounts accounts;

	static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	Volunteer registered(String community, String name, boolean party, Long unitId) {
		return volunteers.register(new NewVolunteer(community, name, phone(), true, party, unitId,
				party && unitId == null ? "测试支部" : null, "驾驶", "周末"));
	}

	/** A new approved volunteer of community1's community with an account of its own. */
	String volunteerAccount(String tag) throws Exception {
		String username = "vt" + tag;
		accounts.create(new NewAccount(username, "测试志愿者", "Vol#Test2026x", Set.of(Role.VOLUNTEER), Set.of(), null));
		Volunteer v = registered(COMMUNITY1, "志愿者" + tag, false, null);
		mvc.perform(post("/api/v1/volunteers/" + v.id() + "/decision").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\",\"username\":\"" + username + "\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		return username;
	}

	static String tag() {
		return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	ResultActions register(String... fields) throws Exception {
		var request = post("/volunteers/register").with(csrf()).header("Accept-Language", "en").param("lang", "en");
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(request);
	}

	@Test
	void aPersonRegistersOnThePublicPageWithConsentAndThePhoneIsSealedAndMasked() throws Exception {
		mvc.perform(get("/volunteers/register")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"register-form\"")));
		String phone = phone();
		String name = "报名" + tag();
		register("communityCode", COMMUNITY1, "name", name, "phone", phone, "consent", "true", "partyMember", "true",
				"unitId", "2", "skills", "急救", "availability", "周末").andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"registered\"")));
		var row = jdbc.sql("SELECT phone_sealed, phone_masked, status, party_member, unit_id FROM volunteer WHERE name = ?")
				.param(name).query().singleRow();
		assertThat((String) row.get("phone_sealed")).doesNotContain(phone);
		assertThat(row.get("phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(row.get("status")).isEqualTo("PENDING");
		mvc.perform(get("/api/v1/volunteers").param("q", name).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[0].phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
				.andExpect(content().string(not(containsString(phone))));
		// the same phone twice with the same community is refused
		register("communityCode", COMMUNITY1, "name", name, "phone", phone, "consent", "true").andExpect(
				status().isBadRequest()).andExpect(content().string(containsString("already registered")));
	}

	@Test
	void registrationNeedsConsentAndRefusesBadInput() throws Exception {
		String phone = phone();
		register("communityCode", COMMUNITY1, "name", "无同意", "phone", phone).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("needs your consent")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE phone_hash IS NOT NULL AND name = '无同意'")
				.query(Long.class).single()).isZero();
		register("communityCode", "999999999999", "name", "x", "phone", phone, "consent", "true")
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Choose the community")));
		register("communityCode", COMMUNITY1, "name", "", "phone", phone, "consent", "true")
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Enter your name")));
		register("communityCode", COMMUNITY1, "name", "x".repeat(51), "phone", phone, "consent", "true")
				.andExpect(status().isBadRequest());
		register("communityCode", COMMUNITY1, "name", "x", "phone", "12345", "consent", "true")
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("valid phone")));
		register("communityCode", COMMUNITY1, "name", "x", "phone", phone, "consent", "true", "partyMember", "true")
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("names their branch")));
		register("communityCode", COMMUNITY1, "name", "x", "phone", phone, "consent", "true", "partyMember", "true",
				"unitId", "abc").andExpect(status().isBadRequest());
		register("communityCode", COMMUNITY1, "name", "x", "phone", phone, "consent", "true", "partyMember", "true",
				"unitId", "999999").andExpect(status().isBadRequest());
		register("communityCode", COMMUNITY1, "name", "x", "phone", phone, "consent", "true", "skills", "y".repeat(301))
				.andExpect(status().isBadRequest());
		// the registration page needs its CSRF token
		mvc.perform(post("/volunteers/register").param("communityCode", COMMUNITY1)).andExpect(status().isForbidden());
	}

	@Test
	void eachRoleSeesItsScopeAndUnitsTheirPartyMembers() throws Exception {
		String t = tag();
		Volunteer here = registered(COMMUNITY1, "本社区" + t, false, null);
		Volunteer there = registered(OTHER_COMMUNITY, "外社区" + t, true, 2L);
		mvc.perform(get("/api/v1/volunteers").param("q", t).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].id", contains((int) here.id())));
		mvc.perform(get("/api/v1/volunteers/" + there.id()).with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/volunteers").param("q", t).with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(1));
		mvc.perform(get("/api/v1/volunteers").param("q", t).with(as("leader"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(2));
		// dept1 (unit 2) sees the party members who named unit 2, nobody else
		mvc.perform(get("/api/v1/volunteers").param("q", t).with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].id", contains((int) there.id())));
		mvc.perform(get("/api/v1/volunteers").param("size", "200").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].unitId", everyItem(is(2))))
				.andExpect(jsonPath("$.content[*].partyMember", everyItem(is(true))));
		for (String user : new String[] { "grid1", "police1", "volunteer1", "checkpoint1" }) {
			mvc.perform(get("/api/v1/volunteers").with(as(user))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/volunteers")).andExpect(status().isUnauthorized());
		// the community decides only in its scope
		mvc.perform(post("/api/v1/volunteers/" + there.id() + "/decision").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/volunteers/" + here.id() + "/decision").with(as("community1"))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PENDING\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/volunteers/" + here.id() + "/decision").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"NOPE\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/volunteers/" + here.id() + "/decision").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\",\"username\":\"grid1\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/volunteers").param("size", "0").with(as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/volunteers").param("community", "abc").with(as("community1")))
				.andExpect(status().isBadRequest());
		// the pages too
		mvc.perform(get("/volunteers").param("q", t).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("本社区" + t)))
				.andExpect(content().string(not(containsString("外社区" + t))));
		mvc.perform(get("/volunteers").with(as("grid1"))).andExpect(status().isForbidden());
	}

	@Test
	void revealingAPhoneNeedsAReasonAndIsAudited() throws Exception {
		String phone = phone();
		Volunteer v = volunteers.register(new NewVolunteer(COMMUNITY1, "查看" + tag(), phone, true, false, null, null,
				"", ""));
		mvc.perform(post("/api/v1/volunteers/" + v.id() + "/reveal").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/volunteers/" + v.id() + "/reveal").with(as("leader"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核实身份\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/volunteers/" + v.id() + "/reveal").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"联系排班\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.phone").value(phone));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'VOLUNTEER_PHONE_REVEAL' AND subject = ?"
				+ " AND outcome = 'SUCCESS' AND detail LIKE '%联系排班%'").param(String.valueOf(v.id())).query(Long.class)
				.single()).isEqualTo(1);
		// the page's htmx reveal
		mvc.perform(post("/volunteers/" + v.id() + "/reveal").param("reason", "上门联系").with(as("community1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(phone)));
		mvc.perform(post("/volunteers/" + v.id() + "/reveal").param("reason", "x").with(as("community1")))
				.andExpect(status().isBadRequest()).andExpect(content().string(not(containsString(phone))));
		Volunteer there = registered(OTHER_COMMUNITY, "外查看" + tag(), false, null);
		mvc.perform(post("/api/v1/volunteers/" + there.id() + "/reveal").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"联系排班\"}")).andExpect(status().isForbidden());
	}

	long task(String community, int needed, OffsetDateTime starts, int hours) throws Exception {
		return task("community1", community, needed, starts, hours);
	}

	long task(String user, String community, int needed, OffsetDateTime starts, int hours) throws Exception {
		String json = mvc.perform(post("/api/v1/volunteer-tasks").with(as(user))
				.contentType(MediaType.APPLICATION_JSON).content("{\"communityCode\":\"" + community
						+ "\",\"kind\":\"GATE_DUTY\",\"title\":\"东门值守\",\"place\":\"东门\",\"startsAt\":\"" + starts
						+ "\",\"endsAt\":\"" + starts.plusHours(hours) + "\",\"needed\":" + needed + "}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	static OffsetDateTime future(int days) {
		return LocalDate.of(2031, 3, 1).plusDays(days).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai"))
				.toOffsetDateTime();
	}

	@Test
	void aVolunteerSignsUpOncePerTaskAndAFullTaskRefuses() throws Exception {
		long id = task(COMMUNITY1, 2, future(100 + ThreadLocalRandom.current().nextInt(1000)), 3);
		mvc.perform(post("/api/v1/volunteer-tasks/" + id + "/signups").with(as("volunteer1"))).andExpect(
				status().isCreated()).andExpect(jsonPath("$.status").value("SIGNED"));
		mvc.perform(post("/api/v1/volunteer-tasks/" + id + "/signups").with(as("volunteer1"))
				.header("Accept-Language", "en")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("already signed up")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer_signup WHERE task_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(1);
		String second = volunteerAccount(tag());
		String third = volunteerAccount(tag());
		mvc.perform(post("/api/v1/volunteer-tasks/" + id + "/signups").with(as(second))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/volunteer-tasks/" + id + "/signups").with(as(third)).header("Accept-Language", "en"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.message", containsString("full")));
		mvc.perform(get("/api/v1/volunteer-tasks/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.signedUp").value(2));
		// a withdrawal frees the place
		mvc.perform(delete("/api/v1/volunteer-tasks/" + id + "/signups/mine").with(as(second)))
				.andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/volunteer-tasks/" + id + "/signups").with(as(third))).andExpect(status().isCreated());
		// the phone page: sign-up by form, twice refused with a message
		long other = task(COMMUNITY1, 5, future(1200 + ThreadLocalRandom.current().nextInt(500)), 2);
		mvc.perform(post("/volunteer/tasks/" + other + "/signup").with(as("volunteer1")))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
		mvc.perform(post("/volunteer/tasks/" + other + "/signup").with(as("volunteer1")))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashError"));
		// a task of another community, staff and unknown users
		long elsewhere = task("street1", COMMUNITY1.substring(0, 11) + "2", 3, future(5), 2);
		mvc.perform(post("/api/v1/volunteer-tasks/" + elsewhere + "/signups").with(as("volunteer1")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/volunteer-tasks/" + id + "/signups").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/volunteer-tasks/99999999/signups").with(as("volunteer1")))
				.andExpect(status().isNotFound());
		// volunteers see their community's tasks, paged
		mvc.perform(get("/api/v1/volunteer-tasks").param("upcoming", "true").with(as("volunteer1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.content[*].communityCode", everyItem(is(COMMUNITY1))));
		mvc.perform(get("/api/v1/volunteer-tasks").param("page", "-1").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/volunteer-tasks").with(as("grid1"))).andExpect(status().isForbidden());
	}

	@Test
	void publishingATaskRefusesBadInput() throws Exception {
		String ok = "\"kind\":\"DELIVERY\",\"title\":\"配送\",\"place\":\"服务中心\"";
		String window = ",\"startsAt\":\"" + future(3) + "\",\"endsAt\":\"" + future(3).plusHours(2) + "\"";
		String[] bad = { "{\"communityCode\":\"" + COMMUNITY1 + "\"," + ok + window + ",\"needed\":0}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\"," + ok + window + ",\"needed\":501}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\"," + ok + window + "}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\"," + ok + ",\"startsAt\":\"" + future(3) + "\",\"endsAt\":\""
						+ future(3).minusHours(1) + "\",\"needed\":2}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\"," + ok + ",\"startsAt\":\"" + future(3) + "\",\"endsAt\":\""
						+ future(3).plusHours(25) + "\",\"needed\":2}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\",\"kind\":\"DELIVERY\",\"title\":\"\",\"place\":\"x\"" + window
						+ ",\"needed\":2}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\",\"title\":\"x\",\"place\":\"x\"" + window + ",\"needed\":2}",
				"{\"communityCode\":\"" + COMMUNITY1 + "\",\"kind\":\"PARTY\",\"title\":\"x\",\"place\":\"x\"" + window
						+ ",\"needed\":2}",
				"{\"communityCode\":\"abc\"," + ok + window + ",\"needed\":2}", "not json" };
		for (String body : bad) {
			mvc.perform(post("/api/v1/volunteer-tasks").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
					.content(body)).andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/v1/volunteer-tasks").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"communityCode\":\"" + OTHER_COMMUNITY + "\"," + ok + window + ",\"needed\":2}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/volunteer-tasks").with(as("volunteer1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"communityCode\":\"" + COMMUNITY1 + "\"," + ok + window + ",\"needed\":2}"))
				.andExpect(status().isForbidden());
		// the form: a bad value comes back as a message
		mvc.perform(post("/volunteers/tasks").with(as("community1")).param("communityCode", COMMUNITY1)
				.param("kind", "DELIVERY").param("title", "配送").param("place", "中心").param("from", "2031-01-01T08:00")
				.param("to", "2031-01-01T07:00").param("needed", "2")).andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flashError"));
		mvc.perform(post("/volunteers/tasks").with(as("community1")).param("communityCode", COMMUNITY1)
				.param("kind", "DELIVERY").param("needed", "many")).andExpect(status().isBadRequest());
	}

	@Test
	void hoursAddUpPerPersonAndPerBranchAndTheCertificateCountsThem() throws Exception {
		int day = 2000 + ThreadLocalRandom.current().nextInt(3000);
		long first = task(COMMUNITY1, 3, future(day), 3);
		long second = task(COMMUNITY1, 3, future(day).plusHours(4), 2);
		long s1 = signUp(first);
		long s2 = signUp(second);
		mvc.perform(post("/api/v1/volunteer-signups/" + s1 + "/confirm").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CONFIRMED"));
		mvc.perform(post("/api/v1/volunteer-signups/" + s1 + "/confirm").with(as("community1")))
				.andExpect(status().isConflict());
		attendance(s1, "{\"attended\":true,\"hours\":2.5}").andExpect(status().isOk())
				.andExpect(jsonPath("$.hours").value(2.5));
		// bad hours: none, zero, negative, longer than the task, too precise; no answer
		for (String bad : new String[] { "{\"attended\":true}", "{\"attended\":true,\"hours\":0}",
				"{\"attended\":true,\"hours\":-1}", "{\"attended\":true,\"hours\":2.5}", "{\"attended\":true,\"hours\":1.255}",
				"{\"hours\":1}", "{\"attended\":true,\"hours\":\"abc\"}" }) {
			attendance(s2, bad).andExpect(status().isBadRequest());
		}
		attendance(s2, "{\"attended\":true,\"hours\":1.5}").andExpect(status().isOk());
		// the form path too: a bad number is a message, a good one counts
		mvc.perform(post("/volunteers/signups/" + s2 + "/attendance").with(as("community1")).param("task",
				String.valueOf(second)).param("attended", "true").param("hours", "abc"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashError"));
		LocalDate date = future(day).toLocalDate();
		mvc.perform(get("/api/v1/volunteers/hours").param("from", date.toString()).param("to", date.toString())
				.with(as("community1"))).andExpect(status().isOk()).andExpect(jsonPath("$[0].key").value("1"))
				.andExpect(jsonPath("$[0].hours").value(4.0)).andExpect(jsonPath("$[0].tasks").value(2));
		Long unit = jdbc.sql("SELECT unit_id FROM volunteer WHERE username = 'volunteer1'").query(Long.class).optional()
				.orElse(null);
		mvc.perform(get("/api/v1/volunteers/hours").param("from", date.toString()).param("to", date.toString())
				.param("by", "branch").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].hours").value(4.0));
		// correcting attendance replaces the hours, absence counts none
		attendance(s2, "{\"attended\":false}").andExpect(status().isOk());
		mvc.perform(get("/api/v1/volunteers/hours").param("from", date.toString()).param("to", date.toString())
				.with(as("community1"))).andExpect(jsonPath("$[0].hours").value(2.5));
		mvc.perform(get("/api/v1/volunteers/hours").param("from", date.toString()).param("to",
				date.minusDays(1).toString()).with(as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/volunteers/hours").param("from", date.toString()).param("to", date.toString())
				.param("by", "street").with(as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/volunteers/hours").param("from", "yesterday").param("to", date.toString())
				.with(as("community1"))).andExpect(status().isBadRequest());
		// attendance is the community's
		attendance(s1, "{\"attended\":true,\"hours\":1}", "volunteer1").andExpect(status().isForbidden());
		// the certificate (PDF) of the volunteer and from the staff
		byte[] pdf = mvc.perform(get("/volunteer/certificate.pdf").param("from", date.toString()).param("to",
				date.toString()).with(as("volunteer1"))).andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		mvc.perform(get("/volunteers/1/certificate.pdf").with(as("community1"))).andExpect(status().isOk());
		mvc.perform(get("/volunteers/1/certificate.pdf").with(as("grid1"))).andExpect(status().isForbidden());
		// the reports page and the party members' workbook
		mvc.perform(get("/volunteers/reports").param("from", date.toString()).param("to", date.toString())
				.with(as("community1"))).andExpect(status().isOk()).andExpect(content().string(containsString("王志刚")));
		mvc.perform(get("/volunteers/party.xlsx").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", containsString("party-members.xlsx")));
		mvc.perform(get("/volunteers/party.xlsx").with(as("grid1"))).andExpect(status().isForbidden());
	}

	long signUp(long task) throws Exception {
		String json = mvc.perform(post("/api/v1/volunteer-tasks/" + task + "/signups").with(as("volunteer1")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	ResultActions attendance(long signup, String json) throws Exception {
		return attendance(signup, json, "community1");
	}

	ResultActions attendance(long signup, String json, String user) throws Exception {
		return mvc.perform(post("/api/v1/volunteer-signups/" + signup + "/attendance").with(as(user))
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void theBadgeOfAVolunteerWhoLeftOrARevokedBadgeNoLongerVerifies() throws Exception {
		mvc.perform(get("/volunteer").with(as("volunteer1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"badge-qr\"")))
				.andExpect(content().string(containsString("王志刚")));
		String username = volunteerAccount(tag());
		Volunteer v = volunteers.mine(new org.gridlink.platform.CurrentUser(0, username, "", Set.of(Role.VOLUNTEER),
				org.gridlink.platform.Scope.none(), null)).orElseThrow();
		String token = badges.todays(v).orElseThrow();
		mvc.perform(get("/api/v1/public/volunteer-badges/check").param("token", token)).andExpect(status().isOk())
				.andExpect(jsonPath("$.result").value("VALID"))
				.andExpect(jsonPath("$.name").value(org.gridlink.shared.Masked.name(v.name())));
		mvc.perform(get("/volunteers/badge/check").param("t", token).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Genuine and current")));
		// tampered: another volunteer's id under the same signature
		String[] parts = token.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
		String forged = "GLV1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				payload.replaceFirst("^\\d+", "1").getBytes()) + "." + parts[2];
		mvc.perform(get("/api/v1/public/volunteer-badges/check").param("token", forged))
				.andExpect(jsonPath("$.result").value("NOT_GENUINE")).andExpect(jsonPath("$.name").doesNotExist());
		for (String junk : new String[] { "", "GLV1.", "GLV1.a.b", "hello", "GLV1.!!.??" }) {
			mvc.perform(get("/api/v1/public/volunteer-badges/check").param("token", junk))
					.andExpect(jsonPath("$.result").value("NOT_GENUINE"));
		}
		// yesterday's badge (a day in its payload that is not today) does not verify as current
		// revoked: the badge shown before no longer verifies; the new one does
		mvc.perform(post("/api/v1/volunteers/" + v.id() + "/badge/revoke").with(as("community1")))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/public/volunteer-badges/check").param("token", token))
				.andExpect(jsonPath("$.result").value("REVOKED"));
		String renewed = badges.todays(volunteers.find(v.id()).orElseThrow()).orElseThrow();
		mvc.perform(get("/api/v1/public/volunteer-badges/check").param("token", renewed))
				.andExpect(jsonPath("$.result").value("VALID"));
		// left: no badge any more and the last one no longer verifies
		mvc.perform(post("/api/v1/volunteers/" + v.id() + "/decision").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"LEFT\"}")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/volunteer-badges/check").param("token", renewed))
				.andExpect(jsonPath("$.result").value("LEFT"));
		assertThat(badges.todays(volunteers.find(v.id()).orElseThrow())).isEmpty();
		mvc.perform(get("/volunteer").with(as(username))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"badge-qr\""))))
				.andExpect(content().string(containsString("id=\"badge-none\"")));
		// and cannot sign up any more
		long task = task(COMMUNITY1, 3, future(7), 2);
		mvc.perform(post("/api/v1/volunteer-tasks/" + task + "/signups").with(as(username)))
				.andExpect(status().isBadRequest());
		// the revoke is the community's
		mvc.perform(post("/api/v1/volunteers/1/badge/revoke").with(as("volunteer1"))).andExpect(status().isForbidden());
	}

	@Test
	void aBadgeOfAnotherDayIsExpired() {
		Volunteer one = volunteers.find(1).orElseThrow();
		String token = badges.todays(one).orElseThrow();
		assertThat(badges.check(token).result()).isEqualTo(DutyBadges.Result.VALID);
		java.time.Clock tomorrow = java.time.Clock.offset(java.time.Clock.system(ZoneId.of("Asia/Shanghai")),
				java.time.Duration.ofDays(1));
		DutyBadges later = new DutyBadges(jdbc, null, volunteers, tomorrow);
		assertThat(later.check(token).result()).isEqualTo(DutyBadges.Result.EXPIRED);
	}

	@Test
	void aCheckpointShiftNamesARegisteredVolunteerInsteadOfATypedName() throws Exception {
		String json = mvc.perform(post("/api/v1/checkpoints").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"志愿卡口" + tag() + "\",\"kind\":\"ROAD\",\"jurisdictionCode\":\"" + COMMUNITY1 + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long checkpoint = ((Number) JsonPath.read(json, "$.id")).longValue();
		OffsetDateTime from = future(9);
		String window = ",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + from.plusHours(4) + "\"";
		Volunteer one = volunteers.find(1).orElseThrow();
		mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/shifts").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"duty\":\"VOLUNTEER\",\"volunteerId\":1" + window + "}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.volunteerId").value(1))
				.andExpect(jsonPath("$.person").value(org.gridlink.shared.Masked.name(one.name())))
				.andExpect(jsonPath("$.phone").value(one.phone()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkpoint_shift WHERE checkpoint_id = ? AND volunteer_id = 1"
				+ " AND person_sealed IS NULL AND phone_sealed IS NULL").param(checkpoint).query(Long.class).single())
				.isEqualTo(1);
		Volunteer there = registered(OTHER_COMMUNITY, "外卡口" + tag(), false, null);
		jdbc.sql("UPDATE volunteer SET status = 'APPROVED' WHERE id = ?").param(there.id()).update();
		Volunteer waiting = registered(COMMUNITY1, "待审" + tag(), false, null);
		for (long id : new long[] { 99_999_999L, there.id(), waiting.id() }) {
			mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/shifts").with(as("community1"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"duty\":\"VOLUNTEER\",\"volunteerId\":" + id + window + "}"))
					.andExpect(status().isBadRequest());
		}
		// the shift form offers the community's volunteers, masked
		mvc.perform(get("/checkpoints/" + checkpoint).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"sh-volunteer\"")))
				.andExpect(content().string(containsString(org.gridlink.shared.Masked.name(one.name()))))
				.andExpect(content().string(not(containsString(">" + one.name() + " "))));
	}
}
