package org.gridlink.dailyreport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's steps and the value rules, without Spring: expected values written out. */
class SubmissionTest {

	static final OffsetDateTime DEADLINE = OffsetDateTime.of(2026, 12, 1, 16, 0, 0, 0, ZoneOffset.ofHours(8));

	static final ReportForm FORM = new ReportForm(1, "日报", FillerLevel.COMMUNITY, LocalTime.of(16, 0), true, List.of(
			new ReportField("n", "人数", FieldKind.INTEGER, List.of(), Prefill.NEW_CASES, true),
			new ReportField("r", "比率", FieldKind.DECIMAL, List.of(), null, false),
			new ReportField("c", "等级", FieldKind.CHOICE, List.of("低", "高"), null, true),
			new ReportField("t", "说明", FieldKind.TEXT, List.of(), null, false)), "center", DEADLINE, 0);

	Submission missing() {
		return Submission.missing(1, "320819001001", LocalDate.of(2026, 12, 1));
	}

	@Test
	void aSubmissionAfterTheDeadlineIsLateAndStaysLate() {
		Submission onTime = missing().submit(Map.of("n", 1L), "c1", DEADLINE.minusMinutes(1), DEADLINE).after();
		assertThat(onTime.state()).isEqualTo(ReportState.SUBMITTED);
		assertThat(onTime.late()).isFalse();
		Submission late = missing().submit(Map.of("n", 1L), "c1", DEADLINE.plusMinutes(1), DEADLINE).after();
		assertThat(late.late()).isTrue();
		Submission back = late.sendBack("核实", "s1", DEADLINE.plusHours(1)).after();
		assertThat(back.state()).isEqualTo(ReportState.RETURNED);
		assertThat(back.reviewNote()).isEqualTo("核实");
		// resubmitted: still late from the first submission; on-time one stays on time even after the deadline
		assertThat(back.submit(Map.of("n", 2L), "c1", DEADLINE.plusHours(2), DEADLINE).after().late()).isTrue();
		Submission onTimeBack = onTime.sendBack("核实", "s1", DEADLINE.plusHours(1)).after();
		assertThat(onTimeBack.submit(Map.of("n", 2L), "c1", DEADLINE.plusHours(2), DEADLINE).after().late()).isFalse();
	}

	@Test
	void reviewAndCorrectionFollowTheStates() {
		Submission submitted = missing().submit(Map.of("n", 1L), "c1", DEADLINE, DEADLINE).after();
		assertThatThrownBy(() -> submitted.sendBack(" ", "s1", DEADLINE)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> missing().accept("s1", DEADLINE)).isInstanceOf(ConflictException.class);
		Submission accepted = submitted.accept("s1", DEADLINE).after();
		assertThat(accepted.state()).isEqualTo(ReportState.ACCEPTED);
		assertThatThrownBy(() -> accepted.save(Map.of())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> accepted.correct(Map.of("n", 2L), null)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> accepted.correct(Map.of("n", 1L), "同值")).isInstanceOf(InvalidInputException.class);
		Submission.Step corrected = accepted.correct(Map.of("n", 2L), "漏报");
		assertThat(corrected.after().revision()).isEqualTo(2);
		assertThat(corrected.after().state()).isEqualTo(ReportState.SUBMITTED);
		assertThat(corrected.before().values()).isEqualTo(Map.of("n", 1L));
		assertThat(corrected.note()).isEqualTo("漏报");
		assertThatThrownBy(() -> missing().correct(Map.of("n", 2L), "x")).isInstanceOf(ConflictException.class);
	}

	@Test
	void valuesAreCheckedPerField() {
		Map<String, Object> ok = ValueRules.check(FORM, Map.of("n", "12", "r", 97.5, "c", "低", "t", " 正常 "), true);
		assertThat(ok).containsExactly(Map.entry("n", 12L), Map.entry("r", new BigDecimal("97.5")), Map.entry("c", "低"),
				Map.entry("t", "正常"));
		assertThat(ValueRules.check(FORM, Map.of("n", ""), false)).isEmpty();
		ValueProblems problems = (ValueProblems) org.assertj.core.api.Assertions.catchThrowable(
				() -> ValueRules.check(FORM, Map.of("n", "1.5", "r", "x", "c", "中", "zz", 1), true));
		assertThat(problems.problems()).extracting(ValueProblems.Problem::field).containsExactly("zz", "n", "r", "c");
		assertThat(problems.problems()).extracting(ValueProblems.Problem::messageKey).containsExactly(
				"dailyreport.value.unknown", "dailyreport.value.integer", "dailyreport.value.decimal",
				"dailyreport.value.choice");
		ValueProblems required = (ValueProblems) org.assertj.core.api.Assertions.catchThrowable(
				() -> ValueRules.check(FORM, Map.of("r", "1"), true));
		assertThat(required.problems()).extracting(ValueProblems.Problem::field).containsExactly("n", "c");
		assertThatThrownBy(() -> ValueRules.check(FORM, Map.of("n", -1), false)).isInstanceOf(ValueProblems.class);
		assertThatThrownBy(() -> ValueRules.check(FORM, Map.of("n", 1_000_000_001L), false))
				.isInstanceOf(ValueProblems.class);
		assertThatThrownBy(() -> ValueRules.check(FORM, Map.of("t", "字".repeat(501)), false))
				.isInstanceOf(ValueProblems.class);
	}
}
