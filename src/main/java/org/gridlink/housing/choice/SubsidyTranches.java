package org.gridlink.housing.choice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.HousingProjectRef;
import org.gridlink.housing.MilestoneFacts;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidies paid in tranches ({@link TranchePlan}): the project's plan (default 30/40/30 at foundation, roof and
 * acceptance), each signed agreement's tranches with their state — due once the construction part
 * ({@link MilestoneFacts}, optional: without it nothing is due) says the household's building reached the milestone —
 * the payments staff record (day, reference; once per tranche) and the project's totals.
 */
@Service
public class SubsidyTranches {

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	/** One tranche of an agreement. */
	public record Tranche(long agreementId, MilestoneKind milestone, int percent, long amountFen, String state,
			@Nullable LocalDate reachedOn, @Nullable LocalDate paidOn, @Nullable String reference) {

		public String amount() {
			return Fen.yuan(amountFen);
		}
	}

	/** A project's money: subsidies of signed agreements, paid, due and not paid, still to come. */
	public record Totals(long signedSubsidyFen, long paidFen, long dueFen, long waitingFen) {

		public String signedSubsidy() {
			return Fen.yuan(signedSubsidyFen);
		}

		public String paid() {
			return Fen.yuan(paidFen);
		}

		public String due() {
			return Fen.yuan(dueFen);
		}

		public String waiting() {
			return Fen.yuan(waitingFen);
		}
	}

	public record Payment(@Nullable String milestone, @Nullable LocalDate paidOn, @Nullable String reference) {
	}

	private final JdbcClient jdbc;
	private final HousingDirectory projects;
	private final Agreements agreements;
	private final ObjectProvider<MilestoneFacts> milestones;
	private final AuditTrail audit;
	private final Clock clock;

	SubsidyTranches(JdbcClient jdbc, HousingDirectory projects, Agreements agreements,
			ObjectProvider<MilestoneFacts> milestones, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.agreements = agreements;
		this.milestones = milestones;
		this.audit = audit;
		this.clock = clock;
	}

	/** The project's plan, the default when none was set. */
	public List<TranchePlan.Step> plan(long projectId) {
		List<TranchePlan.Step> steps = jdbc.sql("SELECT milestone, percent FROM housing_tranche_plan WHERE project_id = ?")
				.param(projectId)
				.query((rs, i) -> new TranchePlan.Step(MilestoneKind.valueOf(rs.getString(1)), rs.getInt(2))).list();
		return steps.isEmpty() ? TranchePlan.DEFAULT
				: steps.stream().sorted(java.util.Comparator.comparing(TranchePlan.Step::milestone)).toList();
	}

	/** Sets the project's plan (its keepers), before any tranche was paid (409 after). */
	@Transactional
	public List<TranchePlan.Step> setPlan(CurrentUser user, long projectId, @Nullable List<TranchePlan.Step> steps) {
		HousingProjectRef project = projects.require(user, projectId);
		if (!ChoiceAccess.managesProject(user, project)) {
			throw new OutOfScopeException("housing-project", String.valueOf(projectId));
		}
		List<TranchePlan.Step> plan = TranchePlan.check(steps);
		if (jdbc.sql("SELECT COUNT(*) FROM housing_tranche_payment WHERE project_id = ?").param(projectId)
				.query(Long.class).single() > 0) {
			throw new ConflictException("housing.choice.plan.paid");
		}
		jdbc.sql("DELETE FROM housing_tranche_plan WHERE project_id = ?").param(projectId).update();
		for (TranchePlan.Step step : plan) {
			jdbc.sql("INSERT INTO housing_tranche_plan (project_id, milestone, percent) VALUES (?, ?, ?)")
					.params(projectId, step.milestone().name(), step.percent()).update();
		}
		audit.record("HOUSING_TRANCHE_PLAN", "housing-project", String.valueOf(projectId), AuditTrail.SUCCESS,
				plan.stream().map(s -> s.milestone() + "=" + s.percent()).toList().toString());
		return plan;
	}

	/** An agreement's tranches, for a user who sees its household. */
	public List<Tranche> tranches(CurrentUser user, long agreementId) {
		return of(agreements.get(user, agreementId), milestones.getIfAvailable());
	}

	List<Tranche> of(Agreements.Agreement agreement, @Nullable MilestoneFacts facts) {
		List<TranchePlan.Step> plan = plan(agreement.projectId());
		List<Long> amounts = TranchePlan.amounts(agreement.subsidyFen(), plan);
		record Paid(String milestone, LocalDate paidOn, String reference) {
		}
		Map<String, Paid> paid = new HashMap<>();
		jdbc.sql("SELECT milestone, paid_on, reference FROM housing_tranche_payment WHERE agreement_id = ?")
				.param(agreement.id()).query(Paid.class).list().forEach(p -> paid.put(p.milestone(), p));
		List<Tranche> tranches = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			MilestoneKind kind = plan.get(i).milestone();
			Optional<LocalDate> reached = facts == null ? Optional.empty()
					: facts.reachedOn(agreement.siteId(), agreement.building(), kind);
			Paid p = paid.get(kind.name());
			tranches.add(new Tranche(agreement.id(), kind, plan.get(i).percent(), amounts.get(i),
					TranchePlan.state(agreement.signed(), p != null, reached), reached.orElse(null),
					p == null ? null : p.paidOn(), p == null ? null : p.reference()));
		}
		return tranches;
	}

	/** Records a due tranche as paid (the project's keepers): day (not in the future) and the payment's reference. */
	@Transactional
	public Tranche pay(CurrentUser user, long agreementId, Payment payment) {
		Agreements.Agreement agreement = agreements.get(user, agreementId);
		HousingProjectRef project = projects.require(user, agreement.projectId());
		if (!ChoiceAccess.managesProject(user, project)) {
			throw new OutOfScopeException("housing-agreement", String.valueOf(agreementId));
		}
		MilestoneKind kind;
		try {
			kind = MilestoneKind.valueOf(payment.milestone() == null ? "" : payment.milestone().strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("housing.choice.plan.milestone");
		}
		String reference = payment.reference() == null ? "" : payment.reference().strip();
		if (reference.isEmpty() || reference.length() > 100) {
			throw new InvalidInputException("housing.choice.payment.reference");
		}
		LocalDate today = LocalDate.now(clock.withZone(DISTRICT_ZONE));
		if (payment.paidOn() == null || payment.paidOn().isAfter(today)) {
			throw new InvalidInputException("housing.choice.payment.date");
		}
		return payAs(user.username(), agreement, kind, payment.paidOn(), reference, milestones.getIfAvailable());
	}

	Tranche payAs(String actor, Agreements.Agreement agreement, MilestoneKind kind, LocalDate paidOn, String reference,
			@Nullable MilestoneFacts facts) {
		Tranche tranche = of(agreement, facts).stream().filter(t -> t.milestone() == kind).findFirst()
				.orElseThrow(() -> new InvalidInputException("housing.choice.payment.notInPlan"));
		switch (tranche.state()) {
			case TranchePlan.PAID -> throw new ConflictException("housing.choice.payment.paid");
			case TranchePlan.DUE -> {
			}
			default -> throw new ConflictException("housing.choice.payment.not.due");
		}
		if (tranche.reachedOn() != null && paidOn.isBefore(tranche.reachedOn())) {
			throw new InvalidInputException("housing.choice.payment.date");
		}
		jdbc.sql("INSERT INTO housing_tranche_payment (agreement_id, project_id, milestone, amount_fen, paid_on, "
				+ "reference, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(agreement.id(), agreement.projectId(), kind.name(), tranche.amountFen(), paidOn, reference,
						OffsetDateTime.now(clock), actor)
				.update();
		audit.recordAs(actor, "HOUSING_TRANCHE_PAID", "housing-agreement", agreement.number(), AuditTrail.SUCCESS,
				kind + " " + tranche.amountFen());
		return of(agreement, facts).stream().filter(t -> t.milestone() == kind).findFirst().orElseThrow();
	}

	/** The project's totals over the signed agreements the user sees. */
	public Totals totals(CurrentUser user, long projectId) {
		projects.require(user, projectId);
		MilestoneFacts facts = milestones.getIfAvailable();
		long signed = 0;
		long paid = 0;
		long due = 0;
		long waiting = 0;
		int page = 0;
		while (true) {
			var list = agreements.list(user, projectId, Agreements.SIGNED,
					org.springframework.data.domain.PageRequest.of(page++, 500));
			for (Agreements.Agreement a : list.getContent()) {
				signed += a.subsidyFen();
				for (Tranche t : of(a, facts)) {
					switch (t.state()) {
						case TranchePlan.PAID -> paid += t.amountFen();
						case TranchePlan.DUE -> due += t.amountFen();
						default -> waiting += t.amountFen();
					}
				}
			}
			if (!list.hasNext()) {
				break;
			}
		}
		return new Totals(signed, paid, due, waiting);
	}
}
