package org.gridlink.cases.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every case page the time formatter ({@code times.format(...)}) and the time-limit state helper. */
@ControllerAdvice(basePackageClasses = CasePageModel.class)
class CasePageModel {

	private final CaseTimes times;

	CasePageModel(CaseTimes times) {
		this.times = times;
	}

	@ModelAttribute("times")
	CaseTimes times() {
		return times;
	}
}
