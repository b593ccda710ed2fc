package org.gridlink.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.junit.jupiter.api.Test;

/** The pass's rules without Spring or a database: status over time, and revoke. */
class PassTest {

	private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
	private static final String GRID = "320819001001001";
	private static final String OTHER_GRID = "320819002001001";

	private final Pass pass = new Pass(UUID.randomUUID(), List.of(GRID), NOW.minus(Duration.ofDays(1)),
			NOW.plus(Duration.ofDays(7)), null, 3);

	@Test
	void validUntilItsWindowEndsThenExpired() {
		assertThat(pass.status(NOW)).isEqualTo(PassStatus.VALID);
		assertThat(pass.status(pass.validTo().minusSeconds(1))).isEqualTo(PassStatus.VALID);
		assertThat(pass.status(pass.validTo())).isEqualTo(PassStatus.EXPIRED);
	}

	@Test
	void revokeGivesTheRevokedPassOneVersionOnAndTheEvent() {
		Pass.Revoked revoked = pass.revoke(staff("320819001001"), "  lost  ", NOW);

		assertThat(revoked.pass().revokedAt()).isEqualTo(NOW);
		assertThat(revoked.pass().version()).isEqualTo(4);
		assertThat(revoked.pass().status(NOW)).isEqualTo(PassStatus.REVOKED);
		assertThat(revoked.pass().status(pass.validTo().plusSeconds(1))).isEqualTo(PassStatus.REVOKED);
		assertThat(revoked.event()).isEqualTo(new PassRevoked(pass.id(), "community1", "lost", NOW));
	}

	@Test
	void anExpiredPassCanStillBeRevoked() {
		Instant later = pass.validTo().plus(Duration.ofDays(1));
		assertThat(pass.revoke(staff("320819001001"), "fraud", later).pass().status(later))
				.isEqualTo(PassStatus.REVOKED);
	}

	@Test
	void aRevokedPassStaysRevoked() {
		Pass revoked = pass.revoke(staff("320819001001"), "lost", NOW).pass();

		assertThatThrownBy(() -> revoked.revoke(staff("320819001001"), "again", NOW.plusSeconds(60)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("passes.already.revoked"));
	}

	@Test
	void everyZoneMustLieInTheCallersScope() {
		Pass twoZones = new Pass(pass.id(), List.of(GRID, OTHER_GRID), pass.validFrom(), pass.validTo(), null, 0);

		assertThatThrownBy(() -> twoZones.revoke(staff("320819001001"), "lost", NOW))
				.isInstanceOf(OutOfScopeException.class);
		assertThat(twoZones.revoke(staff("320819000000"), "lost", NOW).pass().revokedAt()).isEqualTo(NOW);
	}

	@Test
	void aReasonOfOneTo200CharactersIsRequired() {
		for (String reason : new String[] { null, "", "   ", "x".repeat(201) }) {
			assertThatThrownBy(() -> pass.revoke(staff("320819001001"), reason, NOW))
					.isInstanceOfSatisfying(InvalidInputException.class,
							ex -> assertThat(ex.messageKey()).isEqualTo("passes.reason.invalid"));
		}
		assertThat(pass.revoke(staff("320819001001"), "x".repeat(200), NOW).event().reason()).hasSize(200);
	}

	private static CurrentUser staff(String scope) {
		return new CurrentUser(1, "community1", "周芳", Set.of(Role.COMMUNITY), Scope.of(Set.of(scope)), null);
	}
}
