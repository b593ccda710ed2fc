package org.gridlink.screening;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.gridlink.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The campaign's rules without Spring or a database: which step is allowed in which state, and what it raises. */
class CampaignTest {

	static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));

	static Campaign in(CampaignStatus status) {
		return new Campaign(7, status, 3, status == CampaignStatus.DRAFT ? 0 : 12, 0, null, null);
	}

	@Test
	void aDraftStartsWithNothingPreparedYet() {
		Campaign.Step step = in(CampaignStatus.DRAFT).start(12);
		assertThat(step.after()).extracting(Campaign::status, Campaign::gridsTotal, Campaign::gridsDone)
				.containsExactly(CampaignStatus.STARTING, 12, 0);
		assertThat(step.before().version()).isEqualTo(3);
		assertThat(step.event()).isEqualTo(new Campaign.Started(7, 12));
		assertThat(step.event().auditAction()).isEqualTo("SCREENING_START");
		assertThat(step.event().detail()).isEqualTo("grids=12");
	}

	@Test
	void aStartingCampaignRunsOnceEveryGridIsPrepared() {
		Campaign.Step step = in(CampaignStatus.STARTING).run(12, NOW);
		assertThat(step.after()).extracting(Campaign::status, Campaign::gridsDone, Campaign::startedAt)
				.containsExactly(CampaignStatus.RUNNING, 12, NOW);
		assertThat(step.event()).isEqualTo(new Campaign.Running(7, 12));
		assertThat(step.event().auditAction()).isEqualTo("SCREENING_RUNNING");
	}

	@Test
	void aRunningCampaignClosesAndKeepsItsStart() {
		Campaign running = in(CampaignStatus.STARTING).run(12, NOW).after();
		Campaign.Step step = running.close(NOW.plusDays(3));
		assertThat(step.after()).extracting(Campaign::status, Campaign::startedAt, Campaign::closedAt)
				.containsExactly(CampaignStatus.CLOSED, NOW, NOW.plusDays(3));
		assertThat(step.event()).isEqualTo(new Campaign.Closed(7));
		assertThat(step.event().detail()).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = CampaignStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
	void onlyADraftStarts(CampaignStatus status) {
		assertThatThrownBy(() -> in(status).start(1)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> {
					assertThat(ex.messageKey()).isEqualTo("screening.status.invalid");
					assertThat(ex.arguments()).containsExactly(status.name());
				});
	}

	@ParameterizedTest
	@EnumSource(value = CampaignStatus.class, names = "STARTING", mode = EnumSource.Mode.EXCLUDE)
	void onlyAStartingCampaignBecomesRunning(CampaignStatus status) {
		assertThatThrownBy(() -> in(status).run(1, NOW)).isInstanceOf(InvalidInputException.class);
	}

	@ParameterizedTest
	@EnumSource(value = CampaignStatus.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
	void onlyARunningCampaignClosesOrTakesRecords(CampaignStatus status) {
		assertThatThrownBy(() -> in(status).close(NOW)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> in(status).requireRunning()).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("screening.not.running"));
	}

	@Test
	void aRunningCampaignTakesRecords() {
		in(CampaignStatus.RUNNING).requireRunning();
	}
}
