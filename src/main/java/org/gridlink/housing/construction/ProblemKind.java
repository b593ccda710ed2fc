package org.gridlink.housing.construction;

/**
 * What kind of problem a site raises, with the case class it is filed under and the code of the unit it goes to
 * (the demo district's unit codes; where no such unit exists the case is filed for the command center to dispatch).
 */
public enum ProblemKind {
	/** Quality or structural safety of a building (区住房和城乡建设局). */
	QUALITY("S0502", "U16"),
	/** Work safety on site: scaffolding, cranes, openings (区住房和城乡建设局, the emergency bureau assisting). */
	SAFETY("S0502", "U16"),
	/** Construction waste piling up or not carried away (区住房和城乡建设局). */
	WASTE("E0302", "U16"),
	/** Noise or working hours that disturb the village (区生态环境局). */
	NOISE("E0301", "U15"),
	/** Water supply connection or a burst pipe (区自来水公司). */
	WATER("E0402", "U53"),
	/** Power connection or a damaged line (区供电公司). */
	POWER("C0103", "U52"),
	/** Gas connection or a leak (区燃气公司). */
	GAS("E0403", "U54"),
	/** Access road collapsed or blocked (区住房和城乡建设局, transport and police assisting). */
	ROAD("E0401", "U16"),
	/** Workers' wages or a labour dispute (区人力资源和社会保障局). */
	WAGES("S0203", "U13");

	private final String categoryCode;
	private final String unitCode;

	ProblemKind(String categoryCode, String unitCode) {
		this.categoryCode = categoryCode;
		this.unitCode = unitCode;
	}

	public String categoryCode() {
		return categoryCode;
	}

	public String unitCode() {
		return unitCode;
	}
}
