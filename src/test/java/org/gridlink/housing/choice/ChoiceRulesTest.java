package org.gridlink.housing.choice;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rules of the choice part: plots, lot drawing, tranches, uploaded files. */
class ChoiceRulesTest {

	@Test
	void plotsAreNumberedOncePerSiteAndSpreadOverTheBuildings() {
		List<PlotAllocation.Plot> plots = PlotAllocation.plots(List.of(new PlotAllocation.Site(1, 12, 180),
				new PlotAllocation.Site(2, 11, 170), new PlotAllocation.Site(3, 10, 161)));
		assertThat(plots).hasSize(511);
		assertThat(new HashSet<>(plots.stream().map(p -> p.siteId() + "/" + p.number()).toList())).hasSize(511);
		assertThat(plots.stream().filter(p -> p.siteId() == 1).map(PlotAllocation.Plot::building).distinct())
				.hasSize(12);
		assertThat(plots.get(0).number()).isEqualTo("1-01");
		assertThat(plots.stream().allMatch(p -> p.number().startsWith(p.building() + "-"))).isTrue();
	}

	@Test
	void theLotOrderIsAPermutationReproducibleFromItsSeed() {
		List<Long> candidates = new ArrayList<>(LongStream.rangeClosed(1, 200).boxed().toList());
		List<Long> order = PlotAllocation.lotOrder(candidates, 42L);
		List<Long> sorted = List.copyOf(candidates);
		java.util.Collections.reverse(candidates); // the input order does not matter, only the seed
		assertThat(PlotAllocation.lotOrder(candidates, 42L)).isEqualTo(order);
		assertThat(order).containsExactlyInAnyOrderElementsOf(candidates).isNotEqualTo(sorted);
		assertThat(PlotAllocation.lotOrder(candidates, 43L)).isNotEqualTo(order);
	}

	@Test
	void aPlotIsNeverGivenTwice() {
		List<PlotAllocation.Plot> plots = PlotAllocation.plots(List.of(new PlotAllocation.Site(7, 2, 10)));
		Set<PlotAllocation.Plot> given = Set.of(plots.get(0), plots.get(3));
		Map<Long, PlotAllocation.Plot> assigned = PlotAllocation.assign(
				LongStream.rangeClosed(1, 20).boxed().toList(), plots, given);
		assertThat(assigned).hasSize(8);
		assertThat(assigned.values()).doesNotContainAnyElementsOf(given).doesNotHaveDuplicates();
		assertThat(assigned.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
	}

	@Test
	void trancheAmountsAddUpToTheSubsidyExactly() {
		List<Long> amounts = TranchePlan.amounts(20_000_001L, TranchePlan.DEFAULT);
		assertThat(amounts).containsExactly(6_000_000L, 8_000_000L, 6_000_001L);
		assertThat(amounts.stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000_001L);
	}

	@Test
	void aTrancheIsDueOnlyOnceSignedAndTheMilestoneReached() {
		assertThat(TranchePlan.state(true, false, Optional.empty())).isEqualTo(TranchePlan.WAITING);
		assertThat(TranchePlan.state(false, false, Optional.of(LocalDate.of(2026, 5, 1))))
				.isEqualTo(TranchePlan.UNSIGNED);
		assertThat(TranchePlan.state(true, false, Optional.of(LocalDate.of(2026, 5, 1)))).isEqualTo(TranchePlan.DUE);
		assertThat(TranchePlan.state(true, true, Optional.of(LocalDate.of(2026, 5, 1)))).isEqualTo(TranchePlan.PAID);
	}

	@Test
	void badPlansAreRefused() {
		assertThatThrownBy(() -> TranchePlan.check(List.of())).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> TranchePlan.check(List.of(new TranchePlan.Step(MilestoneKind.ROOF, 60),
				new TranchePlan.Step(MilestoneKind.ROOF, 40)))).hasMessageContaining("twice");
		assertThatThrownBy(() -> TranchePlan.check(List.of(new TranchePlan.Step(MilestoneKind.ROOF, 60),
				new TranchePlan.Step(MilestoneKind.FOUNDATION, 30)))).hasMessageContaining("sum");
		assertThatThrownBy(() -> TranchePlan.check(List.of(new TranchePlan.Step(MilestoneKind.ROOF, 110),
				new TranchePlan.Step(MilestoneKind.FOUNDATION, -10)))).hasMessageContaining("percent");
		assertThatThrownBy(() -> TranchePlan.check(List.of(new TranchePlan.Step(null, 100))))
				.hasMessageContaining("milestone");
		assertThat(TranchePlan.check(List.of(new TranchePlan.Step(MilestoneKind.ACCEPTANCE, 50),
				new TranchePlan.Step(MilestoneKind.FOUNDATION, 50))).get(0).milestone()).isEqualTo(MilestoneKind.FOUNDATION);
	}

	static byte[] pdf() {
		return DemoChoiceLoader.floorPlan("test", 1);
	}

	@Test
	void uploadsAreCheckedByTheirBytes() {
		assertThat(UploadedFiles.check(pdf()).contentType()).isEqualTo(UploadedFiles.PDF);
		assertThatThrownBy(() -> UploadedFiles.check(new byte[0])).hasMessage("housing.choice.file.empty");
		assertThatThrownBy(() -> UploadedFiles.check("hello, not a drawing".getBytes(StandardCharsets.UTF_8)))
				.hasMessage("housing.choice.file.type");
		byte[] truncated = java.util.Arrays.copyOf(pdf(), 200);
		assertThatThrownBy(() -> UploadedFiles.check(truncated)).hasMessage("housing.choice.file.broken");
		byte[] fakePng = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0 };
		assertThatThrownBy(() -> UploadedFiles.check(fakePng)).hasMessage("housing.choice.file.broken");
		byte[] huge = new byte[UploadedFiles.MAX_BYTES + 1];
		System.arraycopy(pdf(), 0, huge, 0, 5);
		assertThatThrownBy(() -> UploadedFiles.check(huge)).hasMessage("housing.choice.file.too.large");
	}

	@Test
	void theDemoDrawingIsAValidPdf() throws Exception {
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf());
		assertThat(reader.getNumberOfPages()).isEqualTo(1);
		assertThat(reader.isRebuilt()).as("the cross-reference table is right").isFalse();
	}

	@Test
	void moneyIsShownInYuanWithTwoDecimals() {
		assertThat(Fen.yuan(38_000_050L)).isEqualTo("¥380,000.50");
		assertThat(Fen.yuan(-5L)).isEqualTo("-¥0.05");
		assertThat(Fen.area(new java.math.BigDecimal("98.5"))).isEqualTo("98.50 m²");
	}
}
