package org.gridlink.enterprise.support;

/** The kinds of relief the ledger records; loans and credit name a bank and dates, rent relief a landlord and months. */
public enum ReliefType {
	LOAN_EXTENSION, NEW_CREDIT, INTEREST_RELIEF, TAX_FEE_RELIEF, RENT_RELIEF, EMPLOYMENT_SUBSIDY;

	public boolean isLoan() {
		return this == LOAN_EXTENSION || this == NEW_CREDIT;
	}

	public boolean isRent() {
		return this == RENT_RELIEF;
	}

	/** The message key of its name. */
	public String word() {
		return "support.relief.type." + name();
	}
}
