package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition of the loop, written out, and every other combination of status × pending request × action ×
 * positive × status to resume refused. Nothing here is derived from the production rules: a changed rule (a VOID or
 * PARK from one more status, a step allowed while a request is pending) makes this test fail.
 */
class CaseLoopTest {

	/**
	 * One allowed transition a line: from, action (path), positive (Y, N, * = either), pending request (none, any,
	 * EXTENSION, DEFERRAL), status to resume (* = any, else that status), to.
	 */
	static final String[] ALLOWED = {
			"REPORTED   file              * any       * FILED",
			"REPORTED   reject            * any       * REJECTED",
			"FILED      dispatch          * any       * DISPATCHED",
			"DISPATCHED accept            * any       * ACCEPTED",
			"DISPATCHED return            * none      * FILED",
			"ACCEPTED   return            * none      * FILED",
			"ACCEPTED   feedback          * none      * HANDLED",
			"HANDLED    verify            Y any       * VERIFIED",
			"HANDLED    verify            N any       * ACCEPTED",
			"VERIFIED   close             * any       * CLOSED",
			"CLOSED     evaluate          * any       * EVALUATED",
			"DISPATCHED extend            * none      * DISPATCHED",
			"ACCEPTED   extend            * none      * ACCEPTED",
			"DISPATCHED approve-extension * EXTENSION * DISPATCHED",
			"ACCEPTED   approve-extension * EXTENSION * ACCEPTED",
			"ACCEPTED   defer             * none      * ACCEPTED",
			"DISPATCHED approve-deferral  Y DEFERRAL  * DEFERRED",
			"DISPATCHED approve-deferral  N DEFERRAL  * DISPATCHED",
			"ACCEPTED   approve-deferral  Y DEFERRAL  * DEFERRED",
			"ACCEPTED   approve-deferral  N DEFERRAL  * ACCEPTED",
			"FILED      park              * none      * PARKED",
			"DISPATCHED park              * none      * PARKED",
			"ACCEPTED   park              * none      * PARKED",
			"DEFERRED   resume            * any       ACCEPTED ACCEPTED",
			"DEFERRED   resume            * any       FILED FILED",
			"PARKED     resume            * any       ACCEPTED ACCEPTED",
			"PARKED     resume            * any       FILED FILED",
			"REPORTED   urge              * any       * REPORTED",
			"FILED      urge              * any       * FILED",
			"DISPATCHED urge              * any       * DISPATCHED",
			"ACCEPTED   urge              * any       * ACCEPTED",
			"DEFERRED   urge              * any       * DEFERRED",
			"PARKED     urge              * any       * PARKED",
			"REPORTED   void              * any       * VOIDED",
			"FILED      void              * any       * VOIDED",
			"DISPATCHED void              * any       * VOIDED",
			"ACCEPTED   void              * any       * VOIDED",
			"HANDLED    void              * any       * VOIDED",
			"VERIFIED   void              * any       * VOIDED",
			"DEFERRED   void              * any       * VOIDED",
			"PARKED     void              * any       * VOIDED",
			"REPORTED   merge             * any       * MERGED",
			"FILED      merge             * any       * MERGED" };

	static final String[] PENDING = { null, CaseLoop.EXTENSION, CaseLoop.DEFERRAL };
	static final CaseStatus[] RESUME = { null, CaseStatus.ACCEPTED, CaseStatus.FILED, CaseStatus.VOIDED,
			CaseStatus.MERGED };

	static Optional<CaseStatus> expected(CaseStatus from, String pending, CaseAction action, boolean positive,
			CaseStatus resume) {
		for (String line : ALLOWED) {
			String[] c = line.trim().split("\\s+");
			boolean matches = CaseStatus.valueOf(c[0]) == from && c[1].equals(action.path())
					&& (c[2].equals("*") || c[2].equals(positive ? "Y" : "N"))
					&& (c[3].equals("any") || c[3].equals("none") && pending == null || c[3].equals(pending))
					&& (c[4].equals("*") || resume != null && c[4].equals(resume.name()));
			if (matches) {
				return Optional.of(CaseStatus.valueOf(c[5]));
			}
		}
		return Optional.empty();
	}

	@Test
	void everyCombinationIsAllowedExactlyAsListed() {
		List<String> wrong = new ArrayList<>();
		int allowed = 0;
		for (CaseStatus from : CaseStatus.values()) {
			for (String pending : PENDING) {
				for (CaseAction action : CaseAction.values()) {
					for (boolean positive : new boolean[] { true, false }) {
						for (CaseStatus resume : RESUME) {
							Optional<CaseStatus> want = expected(from, pending, action, positive, resume);
							Optional<CaseStatus> got = CaseLoop.next(from, pending, action, positive, resume);
							if (!want.equals(got)) {
								wrong.add(action.path() + " from " + from + " pending=" + pending + " positive="
										+ positive + " resume=" + resume + ": " + got + " instead of " + want);
							}
							allowed += got.isPresent() ? 1 : 0;
						}
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(allowed).as("the test saw allowed steps at all").isGreaterThan(ALLOWED.length);
	}

	@Test
	void aFinalStatusAcceptsNothing() {
		for (CaseStatus status : new CaseStatus[] { CaseStatus.REJECTED, CaseStatus.EVALUATED, CaseStatus.VOIDED,
				CaseStatus.MERGED }) {
			for (String pending : PENDING) {
				for (CaseAction action : CaseAction.values()) {
					assertThat(CaseLoop.next(status, pending, action, true, CaseStatus.ACCEPTED))
							.as(action.path() + " from " + status + " pending=" + pending).isEmpty();
				}
			}
		}
	}

	@Test
	void theExpectedStepOfEachStatus() {
		assertThat(CaseLoop.expected(CaseStatus.REPORTED, null)).isEqualTo(CaseAction.FILE);
		assertThat(CaseLoop.expected(CaseStatus.FILED, null)).isEqualTo(CaseAction.DISPATCH);
		assertThat(CaseLoop.expected(CaseStatus.DISPATCHED, null)).isEqualTo(CaseAction.ACCEPT);
		assertThat(CaseLoop.expected(CaseStatus.ACCEPTED, null)).isEqualTo(CaseAction.FEEDBACK);
		assertThat(CaseLoop.expected(CaseStatus.ACCEPTED, "EXTENSION")).isEqualTo(CaseAction.APPROVE_EXTENSION);
		assertThat(CaseLoop.expected(CaseStatus.ACCEPTED, "DEFERRAL")).isEqualTo(CaseAction.APPROVE_DEFERRAL);
		assertThat(CaseLoop.expected(CaseStatus.HANDLED, null)).isEqualTo(CaseAction.VERIFY);
		assertThat(CaseLoop.expected(CaseStatus.VERIFIED, null)).isEqualTo(CaseAction.CLOSE);
		assertThat(CaseLoop.expected(CaseStatus.CLOSED, null)).isEqualTo(CaseAction.EVALUATE);
		assertThat(CaseLoop.expected(CaseStatus.DEFERRED, null)).isEqualTo(CaseAction.RESUME);
		assertThat(CaseLoop.expected(CaseStatus.PARKED, null)).isEqualTo(CaseAction.RESUME);
		for (CaseStatus done : List.of(CaseStatus.REJECTED, CaseStatus.EVALUATED, CaseStatus.VOIDED, CaseStatus.MERGED)) {
			assertThat(CaseLoop.expected(done, null)).as(done.name()).isNull();
		}
		assertThat(List.of(CaseAction.values()).stream().filter(CaseAction::isSetback).toList())
				.containsExactly(CaseAction.REJECT, CaseAction.RETURN, CaseAction.VOID, CaseAction.MERGE);
	}
}
