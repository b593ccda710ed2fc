package org.gridlink.passes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.gridlink.shared.Masked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;

/** The facade: scope per role, sealed holder names, scheduled rotation. */
@WebTest
class PassesTest {

	@Autowired
	Passes passes;

	@Autowired
	KeyRing ring;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	CurrentUser user(String name) {
		return ((AccountPrincipal) users.loadUserByUsername(name)).toCurrentUser();
	}

	static NewPass person(String zone) {
		OffsetDateTime now = OffsetDateTime.now();
		return new NewPass(PassType.PERSON, "钱七", null, "上班", List.of(zone), now, now.plusDays(1));
	}

	@Test
	void anotherCommunityCannotRevokeNorSeeAPass() {
		IssuedPass pass = passes.issue(user("community1"), person(GRID1));
		CurrentUser other = new CurrentUser(-1, "community2", "别的社区", Set.of(Role.COMMUNITY),
				Scope.of(Set.of("320819001002")), null);
		assertThatThrownBy(() -> passes.revoke(other, pass.id(), "不该")).isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> passes.get(other, pass.id())).isInstanceOf(OutOfScopeException.class);
		assertThat(passes.list(other)).noneMatch(p -> p.id().equals(pass.id()));
		assertThat(passes.list(user("community1"))).anyMatch(p -> p.id().equals(pass.id()));
		assertThat(passes.list(user("street1"))).anyMatch(p -> p.id().equals(pass.id()));
		assertThat(passes.revoke(user("street1"), pass.id(), "街道撤销").revokedAt()).isNotNull();
	}

	@Test
	void theHolderNameIsSealedAtRestAndMaskedEverywhereElse() {
		IssuedPass pass = passes.issue(user("community1"), person(GRID1));
		String sealed = jdbc.sql("SELECT holder_sealed FROM pass WHERE id = ?").param(pass.id()).query(String.class)
				.single();
		assertThat(sealed).startsWith("v1:").doesNotContain("钱七");
		assertThat(passes.get(user("community1"), pass.id()).holder()).isEqualTo("钱*");
	}

	@Test
	void keysRotateOnScheduleAndPrivateKeysAreSealed() {
		IssuedPass before = passes.issue(user("community1"), person(GRID1));
		assertThat(ring.rotateDue(Instant.now())).isZero();
		assertThat(ring.rotateDue(Instant.now().plus(Duration.ofDays(91)))).isEqualTo(2); // ES256 and SM2
		IssuedPass after = passes.issue(user("community1"), person(GRID1));
		assertThat(passes.verify(before.code(), Instant.now()).valid()).isTrue();
		assertThat(passes.verify(after.code(), Instant.now()).valid()).isTrue();
		assertThat(jdbc.sql("SELECT private_key FROM pass_signing_key").query(String.class).list())
				.allMatch(k -> k.startsWith("k:p1:"));
	}

	@Test
	void maskingAndPlateRules() {
		assertThat(Masked.name("张三")).isEqualTo("张*");
		assertThat(Masked.name("李小明")).isEqualTo("李*明");
		assertThat(Masked.name("王")).isEqualTo("*");
		for (String plate : List.of("苏A12345", "京AD12345", "粤B12345F", "苏A1234挂", "沪AFA1234")) {
			assertThat(PassRules.validPlate(PassRules.normalisePlate(plate))).as(plate).isTrue();
		}
		for (String plate : List.of("", "A12345", "苏I12345", "苏A1234", "苏A123456", "苏A1O345")) {
			assertThat(PassRules.validPlate(PassRules.normalisePlate(plate))).as(plate).isFalse();
		}
	}
}
